using MiaRepro.Seeds;

namespace MiaRepro.Populations;

/// <summary>
/// LiRA's balanced keep matrix: for every example an independent random half of the models train on it, so
/// each example is IN for exactly <c>models / 2</c> models and OUT for the rest.
/// </summary>
public static class KeepMatrix
{
    /// <returns>[models, examples] in C order.</returns>
    public static bool[] Balanced(int models, int examples, long seed)
    {
        if (models < 2 || models % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(models), models, "A balanced keep matrix needs an even number of models ≥ 2.");
        }

        var keep = new bool[models * examples];
        for (var i = 0; i < examples; i++)
        {
            var order = SeedSequence.Permutation(models, SeedSequence.Derive(seed, "keep", i));
            for (var r = 0; r < models / 2; r++)
            {
                keep[(order[r] * examples) + i] = true;
            }
        }

        return keep;
    }
}
