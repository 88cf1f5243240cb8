namespace MiaRepro.Testing.Baselines;

/// <summary>How far a number may move from its baseline and still match: |received − verified| ≤ <see cref="Absolute"/>.</summary>
public sealed record Tolerance(double Absolute)
{
    /// <summary>Bit for bit: what a computation that repeats exactly (portable CPU kernels, attacks on a frozen fixture) must give.</summary>
    public static Tolerance Exact { get; } = new(0);

    public bool Allows(double verified, double received) =>
        verified.Equals(received) || Math.Abs(received - verified) <= Absolute;

    public override string ToString() =>
        Absolute == 0 ? "exact" : FormattableString.Invariant($"±{Absolute:G3}");
}
