namespace MiaRepro.Metrics;

/// <summary>
/// Training randomness relative to the membership signal (claim C4). Per example x, over the models of a recipe:
/// μ_in(x), σ_in(x) and μ_out(x), σ_out(x) are the mean and standard deviation (ddof 0) of the signal φ over the
/// models where x was IN and where it was OUT; σ(x) = √((σ_in² + σ_out²)/2) is the spread between models of equal
/// membership — what training randomness (initialization, data order, augmentation draws, the other training
/// examples) does to x's signal — and Δ(x) = μ_in(x) − μ_out(x) is the separation membership makes. The
/// randomness-to-signal ratio of the recipe is ρ = mean_x σ(x) / mean_x Δ(x): the larger, the more the attack's
/// IN and OUT distributions overlap (for Gaussians, LiRA's per-example power is a function of Δ/σ). ρ = +∞ when
/// the mean separation is not positive. Examples without an IN or an OUT model are left out.
/// </summary>
public static class SignalSpread
{
    /// <summary>ρ of a recipe, with every model and example counted once.</summary>
    /// <param name="signal">φ per model and example, [models, examples] in C order (e.g. the mean over queries).</param>
    /// <param name="keep">Membership, [models, examples] in C order.</param>
    public static double Ratio(double[] signal, bool[] keep, int models, int examples)
    {
        var ones = Enumerable.Repeat(1, models).ToArray();
        return Ratio(signal, keep, ones, Enumerable.Repeat(1, examples).ToArray());
    }

    /// <summary>ρ with model m counted <paramref name="modelCounts"/>[m] times and example n <paramref name="exampleCounts"/>[n] times (a bootstrap draw).</summary>
    public static double Ratio(double[] signal, bool[] keep, int[] modelCounts, int[] exampleCounts)
    {
        var (models, examples) = (modelCounts.Length, exampleCounts.Length);
        if (signal.Length != models * examples || keep.Length != signal.Length)
        {
            throw new ArgumentException($"Expected {models} × {examples} signals and keep flags; got {signal.Length} and {keep.Length}.");
        }

        double spread = 0, separation = 0, weight = 0;
        for (var n = 0; n < examples; n++)
        {
            if (exampleCounts[n] == 0)
            {
                continue;
            }

            double wIn = 0, sumIn = 0, wOut = 0, sumOut = 0;
            for (var m = 0; m < models; m++)
            {
                var (w, v) = (modelCounts[m], signal[(m * examples) + n]);
                if (keep[(m * examples) + n])
                {
                    (wIn, sumIn) = (wIn + w, sumIn + (w * v));
                }
                else
                {
                    (wOut, sumOut) = (wOut + w, sumOut + (w * v));
                }
            }

            if (wIn == 0 || wOut == 0)
            {
                continue;
            }

            var (muIn, muOut) = (sumIn / wIn, sumOut / wOut);
            double squaresIn = 0, squaresOut = 0;
            for (var m = 0; m < models; m++)
            {
                var (w, v) = (modelCounts[m], signal[(m * examples) + n]);
                if (keep[(m * examples) + n])
                {
                    squaresIn += w * (v - muIn) * (v - muIn);
                }
                else
                {
                    squaresOut += w * (v - muOut) * (v - muOut);
                }
            }

            var sigma = Math.Sqrt(((squaresIn / wIn) + (squaresOut / wOut)) / 2);
            spread += exampleCounts[n] * sigma;
            separation += exampleCounts[n] * (muIn - muOut);
            weight += exampleCounts[n];
        }

        if (weight == 0)
        {
            return double.NaN;
        }

        return separation > 0 ? spread / separation : double.PositiveInfinity;
    }
}
