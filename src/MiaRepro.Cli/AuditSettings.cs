using System.ComponentModel;
using MiaRepro.Audits;
using MiaRepro.Recipes;
using MiaRepro.Reports;
using MiaRepro.Results;
using MiaRepro.Runs;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro audit</c>: reproduce's, with the baseline always among the recipes, and δ.</summary>
public sealed class AuditSettings : StoreRunOptions
{
    [CommandOption("--out <DIR>")]
    [Description("output folder: audit.md, audit.json, leaking/ (the examples that leak) and run/ (the reproduction's outputs) (default: audit)")]
    public string Out { get; init; } = "audit";

    [CommandOption("--delta <DELTA>")]
    [Description("δ of the empirical ε lower bound (default 1e-5)")]
    public double Delta { get; init; } = EmpiricalPrivacy.DefaultDelta;

    /// <summary>The run: the baseline, then the recipes named and the recipe files' (none named: the files' alone), and every problem of it.</summary>
    public (RunSettings Run, IReadOnlyList<SettingProblem> Problems) Read()
    {
        var named = ToRunSettings(Out, StoreRoot, unnamed: []);
        // No twins: they serve claim C4 alone, which an audit does not decide.
        var run = named with
        {
            Scale = named.Scale with { Twins = 0 },
            Recipes = [RecipeCatalog.Baseline, .. named.Recipes.Where(r => r != RecipeCatalog.Baseline)],
        };
        return (run, Validation.Problems([.. run.Problems(), .. Audit.Problems(run, Delta)], OutputFolder.Problem(Out, OutputLayout.Audit, RecipeFileInputs)));
    }
}
