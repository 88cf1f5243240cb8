namespace MiaRepro.Populations;

/// <summary>Serializes reports from models trained side by side, so a progress display sees one report at a time.</summary>
public sealed class LockedProgress<T>(IProgress<T> inner) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            inner.Report(value);
        }
    }
}
