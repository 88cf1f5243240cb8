namespace MiaRepro.Populations;

/// <summary>Progress of one recipe's population: which model is training, at which epoch.</summary>
public sealed record PopulationProgress(string Recipe, int ModelsDone, int Models, int Epoch, int Epochs);
