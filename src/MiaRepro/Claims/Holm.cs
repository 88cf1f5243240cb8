namespace MiaRepro.Claims;

/// <summary>
/// Holm's step-down procedure (Holm 1979), the multiplicity correction of a claim refuted when any one of its parts
/// (or recipes) is: it controls the chance of refuting a true claim at α under any dependence between the parts.
/// </summary>
public static class Holm
{
    /// <summary>
    /// Holm's step-down procedure: sorted ascending, the j-th smallest p-value (from 0) is rejected when it and every
    /// smaller one lie at or below α ÷ (k − j). Controls the family-wise error at α under any dependence.
    /// </summary>
    public static bool[] Rejections(IReadOnlyList<double> pValues, double alpha)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToArray();
        var rejected = new bool[pValues.Count];
        for (var j = 0; j < order.Length; j++)
        {
            if (!(pValues[order[j]] <= alpha / (order.Length - j)))
            {
                break;
            }

            rejected[order[j]] = true;
        }

        return rejected;
    }
}
