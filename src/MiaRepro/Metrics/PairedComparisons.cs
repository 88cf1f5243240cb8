namespace MiaRepro.Metrics;

/// <summary>
/// The paired comparisons of TPR at an FPR that a run makes, each computed once: the claims and the report's
/// reduction factors ask for the same ones (baseline against each recipe at 0.1% FPR), with the run's replicates
/// and bootstrap seed. Score sets are told apart by reference: they are the attacks' own arrays.
/// </summary>
public sealed class PairedComparisons(int replicates, ulong seed)
{
    private readonly Dictionary<(double[] A, double[] B, bool[] Keep, double Fpr), PairedComparison> _done = [];
    private readonly Lock _gate = new();

    /// <summary><see cref="PairedBootstrap.Compare"/> of A's and B's TPR at <paramref name="fpr"/>, from the cache when made before.</summary>
    public PairedComparison Tpr(double[] scoresA, double[] scoresB, bool[] keep, int models, int examples, double fpr)
    {
        var key = (scoresA, scoresB, keep, fpr);
        lock (_gate)
        {
            if (_done.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var comparison = PairedBootstrap.Compare(scoresA, scoresB, keep, models, examples, m => m.Tpr(fpr), replicates, seed);
        lock (_gate)
        {
            _done[key] = comparison;
        }

        return comparison;
    }
}
