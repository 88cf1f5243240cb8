namespace MiaRepro.Recipes;

/// <summary>
/// Stop when the validation loss has not improved by more than <paramref name="MinDelta"/> for
/// <paramref name="Patience"/> epochs; optionally restore the weights of the best epoch.
/// </summary>
public sealed record EarlyStopping(int Patience, double MinDelta, bool RestoreBestWeights);
