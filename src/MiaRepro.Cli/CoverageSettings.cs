using System.ComponentModel;
using System.Globalization;
using MiaRepro.Coverage;
using MiaRepro.Recipes;
using MiaRepro.Reports;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro coverage</c>: the runs' folders, R and the output folder.</summary>
public sealed class CoverageSettings : CommandSettings
{
    [CommandArgument(0, "[RUN_DIR]")]
    [Description("output folders of finished runs of one design, not used to design it: a reproduce run's (results.json), a claims-scale run's (replicate-r/) or a stability run's (seed-S/)")]
    public string[] Runs { get; init; } = [];

    [CommandOption("--design-replicates <R>")]
    [Description("replicates per interval, as the claims scale forms it (default: the claims scale's registered replicates)")]
    public int? DesignReplicates { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("output folder: coverage.md and coverage.json (default: coverage)")]
    public string Out { get; init; } = "coverage";

    /// <summary>R, and every problem of the settings that can be seen before a file is read.</summary>
    public (int Replicates, IReadOnlyList<SettingProblem> Problems) Read()
    {
        var replicates = DesignReplicates ?? ScaleProfile.Claims.Replicates;
        List<SettingProblem> problems = [];
        if (Runs.Length == 0)
        {
            problems.Add(new SettingProblem(Setting.Runs, null, "name at least one run folder, e.g. coverage docs/stability/claims-portable-seed-4101 docs/stability/smoke-portable-v4."));
        }

        if (replicates is < 2 or >= ReplicateCoverage.MaxPopulations)
        {
            problems.Add(new SettingProblem(
                Setting.DesignReplicates, replicates.ToString(CultureInfo.InvariantCulture), $"must be from 2 to {ReplicateCoverage.MaxPopulations - 1}: an interval of R replicates has R − 1 degrees of freedom."));
        }

        if (OutputFolder.Problem(Out, OutputLayout.Coverage, Runs.Select(r => (Setting.Runs, (string?)r))) is { } outProblem)
        {
            problems.Add(outProblem);
        }

        return (replicates, problems);
    }
}
