namespace MiaRepro.Reports.Plots;

/// <summary>
/// One plot of the report, as data: what a renderer draws and what <c>report.md</c> says under it. Independent of
/// the plotting library, so the report can be built and tested without rendering.
/// </summary>
/// <param name="FileName">The PNG's name under <c>plots/</c>, e.g. <c>roc-baseline.png</c>.</param>
/// <param name="Title">The title drawn above the plot.</param>
/// <param name="Caption">One line under the embedded image in <c>report.md</c>: what is drawn and how to read it.</param>
public abstract record Figure(string FileName, string Title, string Caption)
{
    /// <summary>The folder under the output folder that holds every plot.</summary>
    public const string Folder = "plots";

    /// <summary>The plot's path relative to the output folder, with forward slashes (as Markdown links it).</summary>
    public string RelativePath => $"{Folder}/{FileName}";
}
