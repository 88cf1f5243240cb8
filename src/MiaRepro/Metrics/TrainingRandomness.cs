using MiaRepro.Numerics;

namespace MiaRepro.Metrics;

/// <summary>
/// Training randomness and the membership signal of one recipe (claim C4), from φ (mean over queries) of its
/// population and of its twins. Per example x, over the population's models: μ_in(x), μ_out(x) and the unbiased
/// variances v_in(x), v_out(x) of φ over the models where x was IN and where it was OUT; V(x) = (v_in + v_out)/2 is the
/// variance between models of equal membership — what the training seed and the other training examples do to x's
/// signal — and Δ(x) = μ_in(x) − μ_out(x) the separation membership makes. Averaged over examples:
/// <list type="bullet">
/// <item><see cref="TrainingRandomness.Spread"/> σ = mean √V(x), <see cref="TrainingRandomness.Separation"/> Δ = mean Δ(x), and
/// <see cref="TrainingRandomness.Scale"/> s = the standard deviation over examples of μ_out(x), the recipe's own scale of φ (how far
/// examples lie apart). σ/s and Δ/s are scale-free, so recipes whose φ differ in scale can be compared; LiRA's
/// per-example power grows with Δ/σ = (Δ/s)/(σ/s), so a change in it splits into a separation part and a spread part.</item>
/// <item><see cref="TrainingRandomness.SeedShare"/>: the share of V due to the training seed alone. Twin t trained on model t's keep row with
/// another seed, so the pair differs in nothing but the seed and E[(φ_t(x) − φ'_t(x))² / 2] is x's seed variance;
/// the share is mean over pairs and examples of (φ_t − φ'_t)²/2 ÷ mean V(x), a ratio of two variances of one φ:
/// 0 when only the training data matters, 1 when only the seed does (sampling can put it a little above 1).</item>
/// </list>
/// Examples without two IN and two OUT models are left out.
/// </summary>
public sealed record TrainingRandomness(double Spread, double Separation, double Scale, double SeedShare)
{
    /// <summary>σ/s: the spread between models of equal membership in units of the recipe's between-example spread.</summary>
    public double RelativeSpread => Spread / Scale;

    /// <summary>Δ/s: the IN−OUT separation in the same units.</summary>
    public double RelativeSeparation => Separation / Scale;

    /// <summary>Every model, example and twin pair counted once.</summary>
    /// <param name="signal">φ per population model and example, [models, examples] in C order (e.g. the mean over queries).</param>
    /// <param name="keep">Membership, [models, examples] in C order.</param>
    /// <param name="twins">φ per twin and example, [twins, examples]: twin t shares model t's keep row; empty for none (no seed share: NaN).</param>
    public static TrainingRandomness Of(double[] signal, bool[] keep, double[] twins, int models, int examples) =>
        Of(signal, keep, twins, Ones(models), Ones(examples), Ones(twins.Length / Math.Max(1, examples)));

    /// <summary>
    /// With model m counted <paramref name="modelCounts"/>[m] times, example n <paramref name="exampleCounts"/>[n]
    /// times and twin pair t <paramref name="pairCounts"/>[t] times (a bootstrap draw). NaN parts when too little is drawn.
    /// </summary>
    public static TrainingRandomness Of(double[] signal, bool[] keep, double[] twins, int[] modelCounts, int[] exampleCounts, int[] pairCounts)
    {
        var (models, examples, pairs) = (modelCounts.Length, exampleCounts.Length, pairCounts.Length);
        if (signal.Length != models * examples || keep.Length != signal.Length || twins.Length != pairs * examples || pairs > models)
        {
            throw new ArgumentException(
                $"Expected {models} × {examples} signals and keep flags and at most {models} twins of {examples}; got {signal.Length}, {keep.Length} and {twins.Length}.");
        }

        double spread = 0, separation = 0, variance = 0, seed = 0, weight = 0, outMean = 0, outSquares = 0;
        var pairWeight = pairCounts.Sum();
        for (var n = 0; n < examples; n++)
        {
            var c = exampleCounts[n];
            if (c == 0)
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

            if (wIn < 2 || wOut < 2)
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

            var v2 = ((squaresIn / (wIn - 1)) + (squaresOut / (wOut - 1))) / 2;
            double pairSquares = 0;
            for (var t = 0; t < pairs; t++)
            {
                var d = signal[(t * examples) + n] - twins[(t * examples) + n];
                pairSquares += pairCounts[t] * d * d / 2;
            }

            spread += c * Math.Sqrt(v2);
            separation += c * (muIn - muOut);
            variance += c * v2;
            seed += pairWeight == 0 ? 0 : c * pairSquares / pairWeight;
            outMean += c * muOut;
            outSquares += c * muOut * muOut;
            weight += c;
        }

        if (weight == 0)
        {
            return new TrainingRandomness(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = outMean / weight;
        var scale = Math.Sqrt(Math.Max(0, (outSquares / weight) - (mean * mean)));
        var share = pairWeight == 0 || variance == 0 ? double.NaN : seed / variance;
        return new TrainingRandomness(spread / weight, separation / weight, scale, share);
    }

    /// <summary>
    /// Replicate <paramref name="replicate"/>'s draw of twin pairs with replacement, from its own generator (a stream
    /// apart from <see cref="BootstrapDraw.DrawCounts"/>'s models and examples of the same replicate).
    /// </summary>
    public static void DrawPairs(ulong seed, int replicate, int[] pairCounts)
    {
        var random = new SplitMix64(SplitMix64.Derive(SplitMix64.Derive(seed, PairStream), (ulong)replicate));
        BootstrapDraw.Resample(ref random, pairCounts);
    }

    /// <summary>The stream of twin-pair draws: "twins" in ASCII.</summary>
    private const ulong PairStream = 0x736E697774;

    private static int[] Ones(int count) => Enumerable.Repeat(1, count).ToArray();
}
