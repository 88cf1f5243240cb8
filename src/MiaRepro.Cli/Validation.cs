namespace MiaRepro.Cli;

/// <summary>A command's settings checked once, before anything runs: every validator's problems, each once.</summary>
internal static class Validation
{
    public static IReadOnlyList<SettingProblem> Problems(IEnumerable<SettingProblem> problems, params SettingProblem?[] more) =>
        [.. problems.Concat(more.OfType<SettingProblem>()).Distinct()];
}
