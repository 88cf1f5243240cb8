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

    public AttackScores Score(Population population) =>
        new(population.Models, population.Examples, CellSignals.MeanOverQueries(population, phi => -LogitSignals.LossFromPhi(phi)));
}
