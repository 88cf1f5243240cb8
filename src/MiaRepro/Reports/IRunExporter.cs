namespace MiaRepro.Reports;

/// <summary>
/// Writes one part of a run's outputs from its <see cref="RunReport"/>, and computes nothing: every statistic is the
/// analysis's, every figure rendered before the first exporter runs. <see cref="OutputWriter.Exporters"/> lists them
/// in the order they write (<c>results.json</c> last: a folder with it is complete).
/// </summary>
public interface IRunExporter
{
    /// <summary>What it writes, relative to the output folder (<c>results.json</c>, <c>plots/</c>, …).</summary>
    string Name { get; }

    /// <summary>Writes its part of <paramref name="report"/> into <paramref name="folder"/> (a staging folder).</summary>
    void Export(RunReport report, string folder);
}
