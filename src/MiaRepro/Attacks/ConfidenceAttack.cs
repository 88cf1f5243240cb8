using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// The confidence attack (Salem et al. 2019, "ML-Leaks"; Yeom et al. 2018 threshold on the true-class confidence):
/// score = mean over queries of the target's softmax probability of the true class, p_y = sigmoid(φ). No shadows,
/// no parameters.
/// </summary>
public sealed class ConfidenceAttack : IMembershipAttack
{
    public string Name => "confidence";

    public AttackScores Score(Population population) =>
        new(population.Models, population.Examples, CellSignals.MeanOverQueries(population, OutputSignals.ProbabilityFromPhi));
}
