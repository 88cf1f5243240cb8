using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Runs;

namespace MiaRepro.Tests.Runs;

public sealed class RunSettingsTests
{
    private static RunSettings Settings(ScaleProfile scale, int queries) =>
        new(scale, scale.Dataset, null, "cpu", scale.Recipes, Seed: 0, Out: Path.Combine(Path.GetTempPath(), "miarepro-unused"), Threads: 1,
            Queries: queries);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(18)]
    public void Supported_query_counts_pass_validation_and_shift_by_the_scale_crop_padding(int queries)
    {
        // Given the smoke and the paper scale
        var smoke = Settings(ScaleProfile.Smoke, queries);
        var paper = Settings(ScaleProfile.Paper, queries);

        // When / Then (CIFAR, the paper scale's dataset, has no default folder: a data folder problem here, not the queries')
        smoke.Problems().Should().NotContain(p => p.Setting != Setting.DataDir);
        paper.Problems().Should().NotContain(p => p.Setting != Setting.DataDir);
        (smoke.QueryGrid.Queries, smoke.QueryGrid.Padding).Should().Be((queries, 2));
        (paper.QueryGrid.Queries, paper.QueryGrid.Padding).Should().Be((queries, 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(19)]
    public void Unsupported_query_counts_are_a_problem_of_the_setting_naming_the_valid_counts(int queries)
    {
        // Given
        var settings = Settings(ScaleProfile.Smoke, queries);

        // When
        var problems = settings.Problems();

        // Then one problem, keyed by the setting (the command line names its flag), and running them is refused
        problems.Should().ContainSingle().Which.Should().Match<SettingProblem>(
            p => p.Setting == Setting.Queries && p.Value == $"{queries}" && p.Message.StartsWith("use 1, 2 or 18", StringComparison.Ordinal));
        problems[0].Message.Should().NotContain("--");
        var run = () => Reproduction.Run(settings);
        run.Should().Throw<ArgumentException>().WithMessage($"*queries {queries}: use 1, 2 or 18*");
    }

    [Fact]
    public void Two_queries_are_the_default()
    {
        new RunSettings(ScaleProfile.Smoke, "fashion-mnist", null, "cpu", ["baseline"], 0, "out", 1).Queries.Should().Be(2);
    }
}
