using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Attacks;

/// <summary>
/// The prediction-entropy attack (Salem et al. 2019, "ML-Leaks"; Song &amp; Mittal 2021 §3): members get more
/// confident, lower-entropy predictions. Score = −(mean over queries of the entropy of the target's softmax).
/// No shadows, no parameters; needs the full logits.
/// </summary>
public sealed class EntropyAttack : IMembershipAttack
{
    public string Name => "entropy";

    public string? MissingInput(Population population) => OutputVectors.Missing(population);

    public AttackScores Score(Population population) =>
        new(population.Models, population.Examples, CellSignals.MeanOverQueries(population, static (logits, _) => -OutputSignals.Entropy(logits)));
}
