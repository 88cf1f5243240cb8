using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// The difficulty-calibrated loss attack (Watson et al. 2022, "On the importance of difficulty calibration in
/// membership inference attacks"): score = −mean over queries of (loss of the target − mean loss of the same
/// example and query over the OUT shadows), the loss −log p_y = softplus(−φ). Shadows: all other models where the
/// example was OUT (leave-one-out, so every example needs an OUT shadow for every target). No parameters.
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
        Parallel.For(0, models, t =>
        {
            for (var n = 0; n < examples; n++)
            {
                var member = population.Keep[(t * examples) + n];
                var count = member ? outCount[n] : outCount[n] - 1;
                var sum = 0.0;
                for (var q = 0; q < queries; q++)
                {
                    var own = loss[(((long)t * examples) + n) * queries + q];
                    var reference = (member ? outSum[(n * queries) + q] : outSum[(n * queries) + q] - own) / count;
                    sum += own - reference;
                }

                values[(t * examples) + n] = -sum / queries;
            }
        });

        return new AttackScores(models, examples, values);
    }
}
