namespace MiaRepro.Populations;

/// <summary>
/// Progress of a run's training: the recipe of the model that reported, how many of the <paramref name="Models"/>
/// being trained are done, and the epoch it reached (0 when a model finished).
/// </summary>
public sealed record PopulationProgress(string Recipe, int ModelsDone, int Models, int Epoch, int Epochs);
