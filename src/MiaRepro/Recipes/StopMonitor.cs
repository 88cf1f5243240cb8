namespace MiaRepro.Recipes;

/// <summary>The validation quantity early stopping watches: the loss (lower is better) or the accuracy (higher is better).</summary>
public enum StopMonitor
{
    ValidationLoss,
    ValidationAccuracy,
}
