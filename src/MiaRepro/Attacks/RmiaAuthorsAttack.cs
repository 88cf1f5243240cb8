using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// RMIA as the authors' research code computes it (<see cref="RmiaSettings"/>: privacytrustlab/ml_privacy_meter
/// <c>research/2024_rmia/main.py</c>, the relative attack over augmented queries), leave-one-out:
/// <list type="number">
/// <item>The signal of every (model, example, query) is the Taylor soft-margin softmax of the true class on the
/// logits ÷ T: T(ℓ_y/T − m) ÷ (Σ_{c≠y} T(ℓ_c/T) + T(ℓ_y/T − m)), T(u) the Taylor polynomial of exp.</item>
/// <item>The target's references are the other models, each side (IN, OUT) cut to its first k in model order, k the
/// fewest any example has (the reference code's <c>[:out_or_in_size]</c>; on a balanced keep matrix K/2 − 1 each);
/// offline only the OUT side. Pr(x) of each (example, query) is the trimmed mean of the references' signals; offline
/// it becomes ½((1 + a)·Pr_OUT + (1 − a)).</item>
/// <item>LR(x) = signal of the target ÷ Pr(x), per query. The population z is every example that is OUT for the target
/// (<c>membership == False</c>), and x beats z when LR(x)/LR(z) &gt; γ in a majority of the queries (torch.mode over the
/// queries' tests: an even split counts as not beating).</item>
/// <item>score(x) = the fraction of z, other than x itself, that x beats. (The authors' code subtracts one comparison
/// for every x in the population, whether or not x beat itself — with γ ≥ 1 it never does, so OUT examples gained
/// 1/(|z| − 1) over IN ones; MiaRepro leaves x out of its own comparison instead.)</item>
/// </list>
/// The score resolves 1/(|z| − 1): |z| ≈ N/2, about 1/1,000 at smoke scale — the FPR of the claims — and 1/28,000 at
/// paper scale. Cost: O(M·N·K log K) for the trimmed means and O(M·N·|z|·Q) for the comparisons.
/// </summary>
public sealed class RmiaAuthorsAttack : IMembershipAttack
{
    private readonly bool _online;
    private readonly RmiaSettings _settings;

    public RmiaAuthorsAttack(bool online, RmiaSettings? settings = null)
    {
        _settings = settings ?? RmiaSettings.Authors;
        if (_settings.Invalid() is { } why)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), why);
        }

        _online = online;
    }

    public string Name => _online ? "rmia-online-authors" : "rmia-offline-authors";

    public RmiaSettings Settings => _settings;

    public IReadOnlyDictionary<string, double> Parameters => _online
        ? _settings.ByName.Where(p => p.Key != "offline-a").ToDictionary()
        : _settings.ByName;

    public string? MissingInput(Population population) =>
        OutputVectors.Missing(population) ?? ShadowStatistics.MissingShadows(population);

    public AttackScores Score(Population population)
    {
        OutputVectors.Require(population);
        PopulationValidation.RequireShadowsForEveryTarget(population);
        var (models, examples) = (population.Models, population.Examples);
        var signals = Signals(population);
        var values = new double[models * examples];
        Parallel.For(0, models, target => ScoreTarget(population, signals, target, values.AsSpan(target * examples, examples)));
        return new AttackScores(models, examples, values);
    }

    private void ScoreTarget(Population p, double[] signals, int target, Span<double> result)
    {
        var (examples, queries) = (p.Examples, p.Queries);
        var (ins, outs) = LiraShadowFit.Shadows(p, target, LiraShadows.TruncatedInModelOrder);

        // LR of every (example, query) for this target.
        var ratio = new double[examples * queries];
        var buffer = new double[p.Models];
        for (var n = 0; n < examples; n++)
        {
            for (var q = 0; q < queries; q++)
            {
                var count = 0;
                foreach (var side in _online ? [ins[n], outs[n]] : (int[][])[outs[n]])
                {
                    foreach (var m in side)
                    {
                        buffer[count++] = signals[(((long)m * examples) + n) * queries + q];
                    }
                }

                var reference = TrimmedMean(buffer.AsSpan(0, count), _settings.TrimFraction);
                if (!_online)
                {
                    reference = (((1 + _settings.OfflineA) / 2) * reference) + ((1 - _settings.OfflineA) / 2);
                }

                ratio[(n * queries) + q] = signals[(((long)target * examples) + n) * queries + q] / reference;
            }
        }

        // z: the examples OUT for the target, with 1/LR(z) per query (the authors' prob_ratio_z_rev).
        var z = Enumerable.Range(0, examples).Where(n => !p.Keep[(target * examples) + n]).ToArray();
        var reverse = new double[z.Length * queries];
        for (var i = 0; i < z.Length; i++)
        {
            for (var q = 0; q < queries; q++)
            {
                reverse[(i * queries) + q] = 1.0 / ratio[(z[i] * queries) + q];
            }
        }

        var (gamma, majority) = (_settings.Gamma, (queries / 2) + 1);
        for (var n = 0; n < examples; n++)
        {
            var own = ratio.AsSpan(n * queries, queries);
            var beaten = 0;
            for (var i = 0; i < z.Length; i++)
            {
                if (z[i] == n)
                {
                    continue;
                }

                var passes = 0;
                for (var q = 0; q < queries; q++)
                {
                    passes += own[q] * reverse[(i * queries) + q] > gamma ? 1 : 0;
                }

                beaten += passes >= majority ? 1 : 0;
            }

            var compared = z.Length - (p.Keep[(target * examples) + n] ? 0 : 1);
            result[n] = compared > 0 ? (double)beaten / compared : 0.0;
        }
    }

    /// <summary>[Models, Examples, Queries]: the Taylor soft-margin softmax of the true class (step 1).</summary>
    private double[] Signals(Population p)
    {
        var (examples, queries, classes) = (p.Examples, p.Queries, p.Classes);
        var values = new double[(long)p.Models * examples * queries];
        var (t, margin, order) = (_settings.Temperature, _settings.Margin, _settings.TaylorOrder);
        Parallel.For(0, p.Models, m =>
        {
            for (var n = 0; n < examples; n++)
            {
                var label = (int)p.Labels[n];
                for (var q = 0; q < queries; q++)
                {
                    var logits = OutputVectors.Of(p, m, n, q);
                    var others = 0.0;
                    for (var c = 0; c < classes; c++)
                    {
                        others += c == label ? 0.0 : Taylor(logits[c] / t, order);
                    }

                    var own = Taylor((logits[label] / t) - margin, order);
                    values[((((long)m * examples) + n) * queries) + q] = own / (others + own);
                }
            }
        });
        return values;
    }

    /// <summary>1 + u + u²/2! + … + u^(n−1)/(n−1)!: the authors' <c>get_taylor(u, n)</c>.</summary>
    internal static double Taylor(double u, int n)
    {
        var (power, sum, factorial) = (u, 1.0 + u, 1.0);
        for (var i = 2; i < n; i++)
        {
            power *= u;
            factorial *= i;
            sum += power / factorial;
        }

        return sum;
    }

    /// <summary>scipy.stats.trim_mean: the mean after cutting ⌊fraction·n⌋ values from each end (sorts <paramref name="values"/>).</summary>
    internal static double TrimmedMean(Span<double> values, double fraction)
    {
        values.Sort();
        var cut = (int)(fraction * values.Length);
        var kept = values[cut..^cut];
        var sum = 0.0;
        foreach (var v in kept)
        {
            sum += v;
        }

        return sum / kept.Length;
    }
}
