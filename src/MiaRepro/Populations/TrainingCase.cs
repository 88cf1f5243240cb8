using MiaRepro.Recipes;
using MiaRepro.Seeds;

namespace MiaRepro.Populations;

/// <summary>
/// One model to train: its recipe, its place in the run (<see cref="ModelSlot"/>), its seed and the keep row it
/// trains on. Everything that makes two models differ within one run is here; what they share is the
/// <see cref="TrainingContext"/>.
/// </summary>
/// <param name="KeepRow">Which population examples the model trains on (its row of the keep matrix).</param>
public sealed record TrainingCase(Recipe Recipe, ModelSlot Slot, long Seed, ReadOnlyMemory<bool> KeepRow)
{
    /// <summary>
    /// The case of <paramref name="slot"/> in a run with master seed <paramref name="masterSeed"/> and keep matrix
    /// <paramref name="keep"/> ([models, examples], C order). Model <c>m</c>'s seed depends only on the master seed
    /// and <c>m</c>, so two recipes compared with each other start from the same initial weights (a paired design);
    /// twin <c>t</c> trains model <c>t</c>'s keep row with a seed of its own.
    /// </summary>
    public static TrainingCase Of(Recipe recipe, ModelSlot slot, long masterSeed, bool[] keep, int examples)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentOutOfRangeException.ThrowIfNotEqual(slot.Recipe, recipe.Name, nameof(slot));
        var seed = slot.Twin ? TwinSeed(masterSeed, slot.Model) : ModelSeed(masterSeed, slot.Model);
        return new TrainingCase(recipe, slot, seed, keep.AsMemory(slot.Model * examples, examples));
    }

    /// <summary>The seed of population model <paramref name="model"/>.</summary>
    public static long ModelSeed(long masterSeed, int model) => SeedSequence.Derive(masterSeed, "model", model);

    /// <summary>The seed of twin <paramref name="twin"/>: another training of model <paramref name="twin"/>'s keep row (claim C4).</summary>
    public static long TwinSeed(long masterSeed, int twin) => SeedSequence.Derive(masterSeed, "twin", twin);

    /// <summary>How many population examples the model trains on.</summary>
    public int Members => KeepRow.Span.Count(true);
}
