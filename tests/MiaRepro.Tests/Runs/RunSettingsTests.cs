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

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "models 5", Setting.Models, "leave-one-out LiRA needs an even number of models ≥ 4*" },
        { "models 2", Setting.Models, "leave-one-out LiRA needs an even number of models ≥ 4*" },
        { "population 9", Setting.Population, "use at least 10 examples." },
        { "epochs 0", Setting.Epochs, "use at least 1 epoch." },
        { "threads 0", Setting.Threads, "use at least 1 thread." },
        { "seed -1", Setting.Seed, "use a seed ≥ 0." },
        { "no recipes", Setting.Recipes, "the list is empty: name at least one recipe." },
        { "unknown recipe", Setting.Recipes, "unknown recipe 'crop-flop'. Valid recipes: baseline, *" },
        { "recipe twice", Setting.Recipes, "'baseline' is named twice." },
        { "unknown dataset", Setting.Dataset, "unknown dataset 'mnist-fashion'. Valid datasets: *" },
        { "unknown kernels", Setting.CpuKernels, "unknown CPU kernels 'fast'. Valid: *" },
        { "unknown device", Setting.Device, "unknown device 'tpu'. Valid devices: *" },
        { "store is a file", Setting.Store, "is a file; name a folder." },
        { "out is a file", Setting.Out, "is a file; name a folder." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Each_impossible_setting_is_one_problem_of_that_setting_without_a_flag(string change, string setting, string message)
    {
        // Given the smoke defaults with one setting made impossible (a file where a folder belongs for store and out)
        var file = Path.GetTempFileName();
        try
        {
            var valid = Settings(ScaleProfile.Smoke, queries: 2) with { DataDir = Path.GetTempPath() };
            var settings = change switch
            {
                "models 5" => valid with { Scale = RunSettings.Profile("smoke", models: 5) },
                "models 2" => valid with { Scale = RunSettings.Profile("smoke", models: 2) },
                "population 9" => valid with { Scale = RunSettings.Profile("smoke", population: 9) },
                "epochs 0" => valid with { Scale = RunSettings.Profile("smoke", epochs: 0) },
                "threads 0" => valid with { Threads = 0 },
                "seed -1" => valid with { Seed = -1 },
                "no recipes" => valid with { Recipes = [] },
                "unknown recipe" => valid with { Recipes = ["baseline", "crop-flop"] },
                "recipe twice" => valid with { Recipes = ["baseline", "crop-flip", "baseline"] },
                "unknown dataset" => valid with { Dataset = "mnist-fashion" },
                "unknown kernels" => valid with { CpuKernels = "fast" },
                "unknown device" => valid with { Device = "tpu" },
                "store is a file" => valid with { Store = file },
                "out is a file" => valid with { Out = file },
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
            valid.Problems().Should().BeEmpty("the settings it starts from are valid");

            // When
            var problems = settings.Problems();

            // Then exactly that setting's problem, in the library's words (the command line adds the flag)
            problems.Should().ContainSingle().Which.Setting.Should().Be(setting);
            problems[0].Message.Should().Match(message).And.NotContain("--");
            var run = () => Reproduction.Run(settings);
            run.Should().Throw<ArgumentException>();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
