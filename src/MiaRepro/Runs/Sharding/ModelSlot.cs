namespace MiaRepro.Runs.Sharding;

/// <summary>
/// One model of a run: its recipe and its index in that recipe's population (0-based, as in <c>keep.npy</c>), or,
/// when <paramref name="Twin"/>, the twin of that model (claim C4: the same keep row, another seed).
/// </summary>
public sealed record ModelSlot(string Recipe, int Model, bool Twin = false);
