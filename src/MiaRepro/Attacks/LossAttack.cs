using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// The LOSS attack (Yeom et al.): the lower the target's loss on an example, the more likely a member.
/// Score = −(mean over queries of the cross-entropy log(1 + e^{−φ})). Uses no shadows.
/// </summary>
public sealed class LossAttack : IMembershipAttack
{
    public string Name => "loss";

    public AttackScores Score(Population population)
    {
        PopulationValidation.RequireWellFormed(population);
        var (models, examples, queries) = (population.Models, population.Examples, population.Queries);
        var values = new double[models * examples];
        for (var cell = 0; cell < values.Length; cell++)
        {
            var sum = 0.0;
            for (var q = 0; q < queries; q++)
            {
                sum += LogitSignals.LossFromPhi(population.Scores[((long)cell * queries) + q]);
            }

            values[cell] = -sum / queries;
        }

        return new AttackScores(models, examples, values);
    }
}
