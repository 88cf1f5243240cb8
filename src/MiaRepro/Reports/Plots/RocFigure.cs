namespace MiaRepro.Reports.Plots;

/// <summary>
/// ROC curves on log–log axes from <see cref="LogAxis.MinFpr"/> to 1, with the chance diagonal and a dotted
/// vertical line where fewer than 10 false positives decide each point (FPR = 10 / non-members).
/// </summary>
/// <param name="NonMembers">Non-member scores behind each curve (pooled over targets); the dotted line is at 10 / this.</param>
public sealed record RocFigure(string FileName, string Title, string Caption, IReadOnlyList<RocSeries> Series, long NonMembers)
    : Figure(FileName, Title, Caption);
