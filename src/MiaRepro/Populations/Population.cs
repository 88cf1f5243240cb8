namespace MiaRepro.Populations;

/// <summary>
/// One recipe's trained models seen from the attacks: which examples each model trained on, and the
/// membership signal of every model on every example and query view.
/// </summary>
/// <param name="Keep">[Models, Examples], C order: true where the example was IN the model's training set.</param>
/// <param name="Scores">[Models, Examples, Queries], C order: logit-scaled confidence φ.</param>
/// <param name="Labels">[Examples]: the true class of each example.</param>
/// <param name="Logits">
/// Optional [Models, Examples, Queries, Classes] float32, C order: the whole output vectors, needed by the attacks
/// that use more than φ. Null when the population came without them (e.g. imported scores only).
/// </param>
/// <param name="Classes">The number of classes of <paramref name="Logits"/>; 0 when there are no logits.</param>
public sealed record Population(
    string Name,
    int Models,
    int Examples,
    int Queries,
    bool[] Keep,
    double[] Scores,
    long[] Labels,
    float[]? Logits = null,
    int Classes = 0);
