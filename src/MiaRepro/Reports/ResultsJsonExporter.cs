using MiaRepro.IO;

namespace MiaRepro.Reports;

/// <summary><c>results.json</c> (<see cref="ResultsJson"/>), written last: an output folder that has it is complete.</summary>
public sealed class ResultsJsonExporter : IRunExporter
{
    public const string FileName = "results.json";

    public string Name => FileName;

    public void Export(RunReport report, string folder)
    {
        var json = ResultsJson.Build(report).ToJsonString(JsonText.Indented);
        FaultPoint.Reach(FaultPoint.OutputWrite);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), json);
    }
}
