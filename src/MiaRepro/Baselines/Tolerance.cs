namespace MiaRepro.Baselines;

/// <summary>
/// How far a number may move from its baseline and still match: |received − verified| ≤ Absolute + Relative·|verified|.
/// Tolerances absorb what differs between CPUs running the same seed (vector instruction sets change the last bits of
/// a convolution, and training amplifies them); a change to an attack or a trainer moves numbers much further.
/// </summary>
public sealed record Tolerance(double Absolute, double Relative)
{
    public bool Allows(double verified, double received) =>
        verified.Equals(received) || Math.Abs(received - verified) <= Absolute + (Relative * Math.Abs(verified));

    public override string ToString() =>
        Relative == 0 ? $"±{Absolute:0.####}" : Absolute == 0 ? $"±{Relative:0.##%}" : $"±({Absolute:0.####} + {Relative:0.##%})";

    /// <summary>
    /// The tolerance of a number by the last part of its name: accuracies and AUCs ±0.01; TPRs ±(0.002 + 25%);
    /// stop epochs ±2; effects and interval bounds ±(0.05 + 25%); anything else ±1e-6 relative.
    /// </summary>
    public static Tolerance For(string key)
    {
        var metric = key[(key.LastIndexOf('.') + 1)..];
        return metric switch
        {
            "auc" or "train_accuracy" or "test_accuracy" or "generalization_gap" => new Tolerance(0.01, 0),
            _ when metric.StartsWith("tpr", StringComparison.Ordinal) => new Tolerance(0.002, 0.25),
            "stop_epoch" => new Tolerance(2, 0),
            "effect" or "ci95_lower" or "ci95_upper" => new Tolerance(0.05, 0.25),
            _ => new Tolerance(0, 1e-6),
        };
    }
}
