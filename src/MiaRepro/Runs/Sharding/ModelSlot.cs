namespace MiaRepro.Runs.Sharding;

/// <summary>One model of a run: its recipe and its index in that recipe's population (0-based, as in <c>keep.npy</c>).</summary>
public sealed record ModelSlot(string Recipe, int Model);
