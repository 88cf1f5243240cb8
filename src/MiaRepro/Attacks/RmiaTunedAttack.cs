using MiaRepro.Metrics;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// Offline RMIA with a tuned per target, as Privacy Meter does it (privacytrustlab/ml_privacy_meter, <c>attacks.py</c>
/// <c>tune_offline_a</c>): the target's paired model — the model whose index differs in the last bit (0↔1, 2↔3, …; with
/// an odd number of models the last one pairs with the one before it) — is attacked for every a ∈ {0, 0.1, …, 1} and
/// the a with the highest AUC on the paired model's own members (the first, on ties) scores the target. Otherwise as
/// <see cref="RmiaAttack.Offline"/> (balanced references, γ, 1,000 z). Deviation: Privacy Meter attacks the paired
/// model with references that exclude the target; here its references are its own balanced leave-one-out ones, which
/// may include the target's outputs — a single number, a, is all that passes from them to the target's score.
/// </summary>
public sealed class RmiaTunedAttack(double gamma = 1.0, int populationSamples = 1000) : IMembershipAttack
{
    /// <summary>The grid of a: 0, 0.1, …, 1 (Privacy Meter's <c>np.arange(0, 1.1, 0.1)</c>).</summary>
    public static IReadOnlyList<double> Grid { get; } = [.. Enumerable.Range(0, 11).Select(i => i / 10.0)];

    public string Name => "rmia-offline-tuned";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["gamma"] = gamma, ["population-samples"] = populationSamples, ["offline-a-step"] = 0.1,
    };

    /// <summary>The paired model of <paramref name="target"/> among <paramref name="models"/>.</summary>
    public static int Paired(int target, int models) => (target ^ 1) < models ? target ^ 1 : target - 1;

    public AttackScores Score(Population population)
    {
        var (models, examples) = (population.Models, population.Examples);
        var runs = Grid.Select(a => RmiaAttack.Offline(a, gamma, populationSamples).Score(population).Values).ToList();
        var aucs = runs.Select(v => AttackMetrics.ComputeRows(v, population.Keep, models).Select(m => m.Auc).ToArray()).ToList();
        var values = new double[models * examples];
        for (var t = 0; t < models; t++)
        {
            var paired = Paired(t, models);
            var best = 0;
            for (var g = 1; g < Grid.Count; g++)
            {
                best = aucs[g][paired] > aucs[best][paired] ? g : best;
            }

            runs[best].AsSpan(t * examples, examples).CopyTo(values.AsSpan(t * examples, examples));
        }

        return new AttackScores(models, examples, values);
    }
}
