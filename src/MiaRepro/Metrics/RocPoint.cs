namespace MiaRepro.Metrics;

/// <summary>One point of an ROC curve: the rates when every score ≥ <paramref name="Threshold"/> is called a member.</summary>
public readonly record struct RocPoint(double Fpr, double Tpr, double Threshold);
