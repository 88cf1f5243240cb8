using MiaRepro.Populations;
using MiaRepro.Results;

namespace MiaRepro.Reports;

/// <summary>
/// <c>populations/&lt;recipe&gt;/</c>: each trained recipe's arrays and <c>models.json</c> (<see cref="PopulationFolder.Write"/>),
/// which <c>miarepro attack</c> and <c>export</c> read back. An <see cref="AttackRun"/> writes none: its population is its input.
/// </summary>
public sealed class PopulationArraysExporter : IRunExporter
{
    public const string Folder = "populations";

    public string Name => $"{Folder}/";

    public void Export(RunReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Summary is not ReproductionResult result)
        {
            return;
        }

        foreach (var (name, outcome) in result.Recipes)
        {
            PopulationFolder.Write(outcome.Trained, Path.Combine(folder, Folder, name));
        }
    }
}
