namespace MiaRepro.Populations;

/// <summary>
/// One model of a run: its recipe and its index in that recipe's population (0-based, as in <c>keep.npy</c>), or,
/// when <paramref name="Twin"/>, the twin of that model (claim C4: the same keep row, another seed).
/// </summary>
public sealed record ModelSlot(string Recipe, int Model, bool Twin = false)
{
    /// <summary>A recipe's models in training order: models 0 … <paramref name="models"/> − 1, then twins 0 … <paramref name="twins"/> − 1.</summary>
    public static IEnumerable<ModelSlot> Of(string recipe, int models, int twins = 0) =>
        Enumerable.Range(0, models).Select(m => new ModelSlot(recipe, m))
            .Concat(Enumerable.Range(0, twins).Select(t => new ModelSlot(recipe, t, Twin: true)));
}
