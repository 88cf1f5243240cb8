namespace MiaRepro.Reports.Plots;

/// <summary>A tick of a log10 axis: its position in log10 units and its label (null for an unlabelled minor tick).</summary>
public readonly record struct LogTick(double Position, string? Label)
{
    public bool IsMajor => Label is not null;
}
