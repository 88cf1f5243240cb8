namespace MiaRepro.Signals;

/// <summary>
/// Signals of one whole output vector (the logits z of C classes), computed in float64 and stable for logits of
/// any finite size: every probability is formed as p_i = e^{s_i − L} with s = z − max z and L = log Σ e^{s_j}.
/// </summary>
public static class OutputSignals
{
    /// <summary>Softmax probability of the true class from φ: p_y = sigmoid(φ), without overflow for any φ.</summary>
    public static double ProbabilityFromPhi(double phi) =>
        phi >= 0 ? 1.0 / (1.0 + Math.Exp(-phi)) : Math.Exp(phi) / (1.0 + Math.Exp(phi));

    /// <summary>log p_y = log sigmoid(φ) = −softplus(−φ), finite for any finite φ.</summary>
    public static double LogProbabilityFromPhi(double phi) => -LogitSignals.LossFromPhi(phi);

    /// <summary>Shannon entropy H(p) = −Σ p_i log p_i = L − Σ p_i s_i of the softmax of <paramref name="logits"/>.</summary>
    public static double Entropy(ReadOnlySpan<float> logits)
    {
        var (max, logSum) = Normalizer(logits);
        var weighted = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var s = logits[i] - max;
            weighted += Math.Exp(s - logSum) * s;
        }

        return logSum - weighted;
    }

    /// <summary>
    /// Modified entropy (Song &amp; Mittal 2021): Mentr = −(1 − p_y) log p_y − Σ_{i≠y} p_i log(1 − p_i).
    /// 1 − p_y is summed from the other probabilities (no cancellation), and log(1 − p_i) is taken as log1p(−p_i)
    /// while p_i &lt; ½ and in the log domain, log Σ_{j≠i} e^{s_j} − L, for the one class that may exceed ½.
    /// </summary>
    public static double ModifiedEntropy(ReadOnlySpan<float> logits, long label)
    {
        var y = (int)label;
        var (max, logSum) = Normalizer(logits);
        var notTrue = 0.0;
        var others = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            if (i == y)
            {
                continue;
            }

            var logP = logits[i] - max - logSum;
            var p = Math.Exp(logP);
            notTrue += p;
            var logNotI = p < 0.5 ? Math.Log(1.0 - p) : LogSumExpExcept(logits, i, max) - logSum;
            others -= p * logNotI;
        }

        return (notTrue * (logSum - (logits[y] - max))) + others;
    }

    /// <summary>The softmax of <paramref name="logits"/> sorted in descending order, written to <paramref name="sorted"/>.</summary>
    public static void SortedSoftmax(ReadOnlySpan<float> logits, Span<double> sorted)
    {
        var (max, logSum) = Normalizer(logits);
        for (var i = 0; i < logits.Length; i++)
        {
            sorted[i] = Math.Exp(logits[i] - max - logSum);
        }

        var vector = sorted[..logits.Length];
        vector.Sort();
        vector.Reverse();
    }

    /// <summary>max z and L = log Σ e^{z_j − max z}.</summary>
    private static (double Max, double LogSum) Normalizer(ReadOnlySpan<float> logits)
    {
        double max = float.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        foreach (var z in logits)
        {
            sum += Math.Exp(z - max);
        }

        return (max, Math.Log(sum));
    }

    /// <summary>log Σ_{j≠i} e^{z_j − max}, stable: the largest remaining term is factored out.</summary>
    private static double LogSumExpExcept(ReadOnlySpan<float> logits, int i, double max)
    {
        double top = float.NegativeInfinity;
        for (var j = 0; j < logits.Length; j++)
        {
            if (j != i)
            {
                top = Math.Max(top, logits[j]);
            }
        }

        var sum = 0.0;
        for (var j = 0; j < logits.Length; j++)
        {
            if (j != i)
            {
                sum += Math.Exp(logits[j] - top);
            }
        }

        return top - max + Math.Log(sum);
    }
}
