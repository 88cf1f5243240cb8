using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// The difficulty-calibrated loss attack (Watson et al. 2022, "On the importance of difficulty calibration in
/// membership inference attacks"): score = −mean over queries of (loss of the target − mean loss of the same
/// example and query over the OUT shadows), the loss −log p_y = softplus(−φ). Shadows: the models where the example
/// was OUT, less the target and its partner (<see cref="BalancedPartners"/>), so IN and OUT targets alike calibrate
/// against M/2 − 1 of them — with the target alone left out, an IN target's reference was a mean of M/2 losses and an
/// OUT target's of M/2 − 1, computed differently, and on a population whose φ is constant the rounding of the two
/// separated members from non-members perfectly (AUC 1.0). No parameters.
/// </summary>
public sealed class CalibratedLossAttack : IMembershipAttack
{
    public string Name => "calibrated-loss";

    public AttackScores Score(Population population)
    {
        PopulationValidation.RequireShadowsForEveryTarget(population);
        var (models, examples, queries) = (population.Models, population.Examples, population.Queries);
        var loss = new double[population.Scores.Length];
        Parallel.For(0, models, m =>
        {
            for (var i = (long)m * examples * queries; i < (long)(m + 1) * examples * queries; i++)
            {
                loss[i] = LogitSignals.LossFromPhi(population.Scores[i]);
            }
        });

        var outSum = new double[examples * queries];
        var outCount = new int[examples];
        for (var m = 0; m < models; m++)
        {
            for (var n = 0; n < examples; n++)
            {
                if (population.Keep[(m * examples) + n])
                {
                    continue;
                }

                outCount[n]++;
                for (var q = 0; q < queries; q++)
                {
                    outSum[(n * queries) + q] += loss[(((long)m * examples) + n) * queries + q];
                }
            }
        }

        var values = new double[models * examples];
        Parallel.For(0, models, () => new int[examples], (t, _, partners) =>
        {
            BalancedPartners.Of(population, t, partners);
            for (var n = 0; n < examples; n++)
            {
                // The OUT model left out besides the target: the target itself when it is OUT, else its partner.
                var left = population.Keep[(t * examples) + n] ? partners[n] : t;
                var sum = 0.0;
                for (var q = 0; q < queries; q++)
                {
                    var own = loss[(((long)t * examples) + n) * queries + q];
                    var reference = (outSum[(n * queries) + q] - loss[(((long)left * examples) + n) * queries + q]) / (outCount[n] - 1);
                    sum += own - reference;
                }

                values[(t * examples) + n] = -sum / queries;
            }

            return partners;
        }, _ => { });

        return new AttackScores(models, examples, values);
    }
}
