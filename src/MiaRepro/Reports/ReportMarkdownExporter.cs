using MiaRepro.IO;

namespace MiaRepro.Reports;

/// <summary><c>report.md</c> (<see cref="ReportMarkdown"/>).</summary>
public sealed class ReportMarkdownExporter : IRunExporter
{
    public const string FileName = "report.md";

    public string Name => FileName;

    public void Export(RunReport report, string folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), ReportMarkdown.Build(report));
}
