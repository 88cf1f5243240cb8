using MiaRepro.Numerics;

namespace MiaRepro.Signals;

/// <summary>
/// The membership signal of one model on one example: the logit-scaled confidence
/// φ = z_y − logsumexp_{y'≠y} z_{y'} = log(p_y / (1 − p_y)), computed from the logits in float64; and the hinge
/// z_y − max_{y'≠y} z_{y'}, its max-for-logsumexp counterpart.
/// </summary>
public static class LogitSignals
{
    /// <summary>φ of one output vector, stable for logits of any finite size (max-subtraction).</summary>
    /// <exception cref="ArgumentException">Fewer than two classes, or a label outside the classes.</exception>
    public static double Phi(ReadOnlySpan<float> logits, long label)
    {
        var y = CheckedLabel(logits, label, "φ");
        var max = MaxOther(logits, y);
        var sum = 0.0;
        for (var k = 0; k < logits.Length; k++)
        {
            if (k != y)
            {
                sum += Math.Exp(logits[k] - max);
            }
        }

        return logits[y] - (max + Math.Log(sum));
    }

    /// <summary>
    /// The hinge (margin) signal z_y − max_{y'≠y} z_{y'}: how far the true class's logit leads the best other class
    /// (negative when another class wins). A difference of two logits, exact in float64 for logits of any finite size.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two classes, or a label outside the classes.</exception>
    public static double Hinge(ReadOnlySpan<float> logits, long label)
    {
        var y = CheckedLabel(logits, label, "The hinge");
        return logits[y] - MaxOther(logits, y);
    }

    /// <summary>φ of a batch of output vectors laid out [count, classes] in C order, one label each.</summary>
    public static void Phi(ReadOnlySpan<float> logits, ReadOnlySpan<long> labels, int classes, Span<double> phi)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (logits.Length != labels.Length * classes)
        {
            throw new ArgumentException(
                $"Expected {labels.Length} × {classes} logits for {labels.Length} labels, got {logits.Length}.", nameof(logits));
        }

        if (phi.Length != labels.Length)
        {
            throw new ArgumentException($"Expected room for {labels.Length} values, got {phi.Length}.", nameof(phi));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            phi[i] = Phi(logits.Slice(i * classes, classes), labels[i]);
        }
    }

    private static int CheckedLabel(ReadOnlySpan<float> logits, long label, string signal)
    {
        if (logits.Length < 2)
        {
            throw new ArgumentException($"{signal} needs at least two classes, got {logits.Length}.", nameof(logits));
        }

        if (label < 0 || label >= logits.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"The label must lie in [0, {logits.Length}).");
        }

        return (int)label;
    }

    /// <summary>The largest logit of a class other than <paramref name="y"/>.</summary>
    private static double MaxOther(ReadOnlySpan<float> logits, int y)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < logits.Length; k++)
        {
            if (k != y && logits[k] > max)
            {
                max = logits[k];
            }
        }

        return max;
    }

    /// <summary>
    /// Cross-entropy loss from φ: since p_y = sigmoid(φ), −log p_y = log(1 + e^{−φ}) = softplus(−φ),
    /// computed as max(−φ, 0) + log(1 + e^{−|φ|}) so that it is finite and exact for any φ.
    /// </summary>
    public static double LossFromPhi(double phi) =>
        Math.Max(-phi, 0.0) + Elementary.LogOnePlus(Math.Exp(-Math.Abs(phi)));
}
