using MiaRepro.Numerics;
using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// RMIA (Zarifzadeh et al. 2024, "Low-cost high-power membership inference attacks"). Pr(x|θ) = the target's softmax
/// probability of the true class, mean over queries (from φ); Pr(x) = its mean over the reference models: online all
/// other models (IN and OUT), offline only the OUT ones, less the target's balanced-leave-one-out partner
/// (<see cref="BalancedPartners"/>; so IN and OUT targets see equally many references), offline with the paper's linear approximation
/// Pr(x) = ½((1 + a)·Pr_OUT(x) + (1 − a)). LR(x) = Pr(x|θ)/Pr(x), and score(x) = the fraction of population samples z
/// with LR(x)/LR(z) &gt; γ, LR(z) computed the same way for the same target.
/// <list type="bullet">
/// <item>a = 0.3 by default: the default `offline_a` of the authors' implementation (Privacy Meter,
/// privacytrustlab/ml_privacy_meter, modules/mia/attacks/rmia.py), which can also tune a per target by attacking a
/// paired model over a ∈ {0, 0.1, …, 1}; MiaRepro keeps a fixed, documented a (a constructor parameter).</item>
/// <item>γ = 1 by default, as in the same implementation (score = fraction of z with LR(x)/LR(z) &gt; 1); a
/// constructor parameter.</item>
/// <item>z: up to 1,000 examples of the population (a fixed seeded shuffle, the same for every target), whether or
/// not they trained the target; x itself may be among them, which moves its score by at most 1/|z|.</item>
/// </list>
/// Everything is computed in the log domain (log-mean-exp, leave-one-out by prefix and suffix sums), so extreme
/// logits give finite scores; each target costs O(N log |z|) after O(M·N·Q) shared work.
/// </summary>
public sealed class RmiaAttack : IMembershipAttack
{
    /// <summary>
    /// Log likelihood ratios closer than this count as equal when compared with γ: the log-domain sums behind them
    /// round at about 1e-15, differently for different targets, and on a population with no signal those last bits
    /// would otherwise decide the comparison — correlated with membership through the references each target uses.
    /// </summary>
    public const double TieTolerance = 1e-12;

    /// <summary>The seed of the shuffle that picks the population samples z.</summary>
    public const ulong PopulationSeed = 0x524D_4941;

    private readonly bool _online;
    private readonly double _a;
    private readonly double _gamma;
    private readonly int _populationSamples;

    private RmiaAttack(bool online, double a, double gamma, int populationSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(a, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gamma);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(populationSamples);
        (_online, _a, _gamma, _populationSamples) = (online, a, gamma, populationSamples);
    }

    public string Name => _online ? "rmia-online" : "rmia-offline";

    public IReadOnlyDictionary<string, double> Parameters => _online
        ? new Dictionary<string, double> { ["gamma"] = _gamma, ["population-samples"] = _populationSamples }
        : new Dictionary<string, double> { ["gamma"] = _gamma, ["offline-a"] = _a, ["population-samples"] = _populationSamples };

    /// <summary>RMIA with every other model as a reference.</summary>
    public static RmiaAttack Online(double gamma = 1.0, int populationSamples = 1000) => new(true, 0.0, gamma, populationSamples);

    /// <summary>RMIA with only the OUT models as references and the linear approximation of Pr(x) with slope <paramref name="a"/>.</summary>
    public static RmiaAttack Offline(double a = 0.3, double gamma = 1.0, int populationSamples = 1000) => new(false, a, gamma, populationSamples);

    public AttackScores Score(Population population)
    {
        PopulationValidation.RequireShadowsForEveryTarget(population);
        var (models, examples) = (population.Models, population.Examples);
        var logQueryMean = LogMeanOverQueries(population);
        var logReference = LogReferences(population, logQueryMean);
        var logRatio = new double[models * examples];
        for (var i = 0; i < logRatio.Length; i++)
        {
            logRatio[i] = logQueryMean[i] - logReference[i];
        }

        var samples = PopulationSamples(examples, Math.Min(_populationSamples, examples));
        var logGamma = Math.Log(_gamma);
        var values = new double[models * examples];
        Parallel.For(0, models, target =>
        {
            var row = logRatio.AsSpan(target * examples, examples);
            var sorted = new double[samples.Length];
            for (var k = 0; k < samples.Length; k++)
            {
                sorted[k] = row[samples[k]];
            }

            Array.Sort(sorted);
            for (var n = 0; n < examples; n++)
            {
                values[(target * examples) + n] = (double)SortedSearch.CountBelow(sorted, row[n] - logGamma - TieTolerance) / sorted.Length;
            }
        });
        return new AttackScores(models, examples, values);
    }

    /// <summary>[Models, Examples]: log Pr(x|θ) = log of the mean over queries of sigmoid(φ).</summary>
    private static double[] LogMeanOverQueries(Population population)
    {
        var (examples, queries) = (population.Examples, population.Queries);
        var values = new double[population.Models * examples];
        Parallel.For(0, population.Models, m =>
        {
            for (var cell = m * examples; cell < (m + 1) * examples; cell++)
            {
                var logSum = double.NegativeInfinity;
                for (var q = 0; q < queries; q++)
                {
                    logSum = Elementary.LogAddExp(logSum, OutputSignals.LogProbabilityFromPhi(population.Scores[((long)cell * queries) + q]));
                }

                values[cell] = logSum - Math.Log(queries);
            }
        });
        return values;
    }

    /// <summary>
    /// [Models, Examples]: log Pr(x) for every target, from its references: the other models (online) or the OUT ones
    /// (offline), less the target and its partner (<see cref="BalancedPartners"/>), so that IN and OUT targets see the
    /// same number of references — online M/2 − 1 IN and M/2 − 1 OUT, offline M/2 − 1 OUT.
    /// </summary>
    private double[] LogReferences(Population population, double[] logTarget)
    {
        var (models, examples) = (population.Models, population.Examples);
        var partners = BalancedPartners.All(population);
        var values = new double[models * examples];
        var (logUp, logFloor) = (Math.Log(1.0 + _a), Math.Log(1.0 - _a));
        Parallel.For(0, examples, () => (Prefix: new double[models + 1], Suffix: new double[models + 1]), (n, _, buffers) =>
        {
            var (prefix, suffix) = buffers;
            bool Used(int m) => _online || !population.Keep[(m * examples) + n];
            double Value(int m) => logTarget[(m * examples) + n];
            prefix[0] = double.NegativeInfinity;
            var counted = 0;
            for (var m = 0; m < models; m++)
            {
                counted += Used(m) ? 1 : 0;
                prefix[m + 1] = Used(m) ? Elementary.LogAddExp(prefix[m], Value(m)) : prefix[m];
            }

            suffix[models] = double.NegativeInfinity;
            for (var m = models - 1; m >= 0; m--)
            {
                suffix[m] = Used(m) ? Elementary.LogAddExp(suffix[m + 1], Value(m)) : suffix[m + 1];
            }

            for (var t = 0; t < models; t++)
            {
                // Every used model but the target and its partner: the models before the first of the two, those
                // between them (few: the partner is the first model after the target on the other side, unless it
                // wrapped around), and those after the second.
                var partner = partners[(t * examples) + n];
                var (first, second) = t < partner ? (t, partner) : (partner, t);
                var logSum = Elementary.LogAddExp(prefix[first], suffix[second + 1]);
                for (var m = first + 1; m < second; m++)
                {
                    logSum = Used(m) ? Elementary.LogAddExp(logSum, Value(m)) : logSum;
                }

                var count = counted - (Used(t) ? 1 : 0) - (Used(partner) ? 1 : 0);
                var logMean = logSum - Math.Log(count);
                values[(t * examples) + n] = _online ? logMean : Math.Log(0.5) + Elementary.LogAddExp(logUp + logMean, logFloor);
            }

            return buffers;
        }, _ => { });
        return values;
    }

    /// <summary>A fixed seeded choice of <paramref name="count"/> distinct examples (a partial Fisher–Yates shuffle).</summary>
    private static int[] PopulationSamples(int examples, int count)
    {
        var order = Enumerable.Range(0, examples).ToArray();
        var random = new SplitMix64(PopulationSeed);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(examples - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..count];
    }
}
