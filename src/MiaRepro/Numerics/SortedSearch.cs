namespace MiaRepro.Numerics;

/// <summary>Binary search on ascending arrays.</summary>
public static class SortedSearch
{
    /// <summary>How many of the ascending <paramref name="sorted"/> are strictly below <paramref name="bound"/> (the first index holding a value ≥ it).</summary>
    public static int CountBelow(double[] sorted, double bound)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < bound)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
