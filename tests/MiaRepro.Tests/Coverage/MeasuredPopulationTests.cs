using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Coverage;
using Xunit;

namespace MiaRepro.Tests.Coverage;

/// <summary>
/// <see cref="MeasuredPopulation"/> reads back what results.json records of the claims (<see cref="ResultsJson.Claim"/>):
/// every part's effect, whether it is a ratio, and a ratio's sides; it expands a stability or claims-scale folder into
/// its populations, and refuses what is not one design's independent populations with a message naming the file.
/// </summary>
public sealed class MeasuredPopulationTests
{
    [Fact]
    public void A_results_json_gives_back_each_claims_parts_ratios_and_sides()
    {
        using var temp = new TempFolder();
        var written = Claim(2.5, (0.05, 0.02));
        Write(temp.Path, seed: 7, written);

        var population = MeasuredPopulation.Read(Path.Combine(temp.Path, "results.json"));

        population.Seed.Should().Be(7);
        population.Design.Should().Contain("fashion-mnist").And.Contain("64 models per recipe").And.Contain("baseline (abc)");
        var claim = population.Claims.Single();
        claim.Sides.Should().Be((0.05, 0.02));
        claim.TestedParts.Select(p => (p.Name, p.Effect, p.Ratio, p.Sides)).Should().Equal(
            written.TestedParts.Select(p => (p.Name, p.Effect, p.Ratio, p.Sides)));
    }

    [Fact]
    public void A_stability_folder_expands_into_its_seeds()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("stability.json"), "{}");
        foreach (var seed in new[] { 3, 1, 2 })
        {
            Directory.CreateDirectory(temp.File($"seed-{seed}"));
            Write(temp.File($"seed-{seed}"), seed, Claim(2, (0.04, 0.02)));
        }

        var populations = MeasuredPopulation.ReadAll([temp.Path]);

        populations.Select(p => p.Seed).Should().Equal(1, 2, 3);
        MeasuredPopulation.Problem(populations).Should().BeNull();
    }

    [Fact]
    public void Populations_of_two_designs_or_a_repeated_seed_are_refused()
    {
        using var temp = new TempFolder();
        foreach (var (name, seed, models) in new[] { ("a", 1L, 64), ("b", 1L, 64), ("c", 2L, 32) })
        {
            Directory.CreateDirectory(temp.File(name));
            Write(temp.File(name), seed, Claim(2, (0.04, 0.02)), models);
        }

        var (a, b, c) = (MeasuredPopulation.ReadAll([temp.File("a")]), MeasuredPopulation.ReadAll([temp.File("b")]), MeasuredPopulation.ReadAll([temp.File("c")]));

        MeasuredPopulation.Problem([.. a, .. b]).Should().Contain("master seed 1 is given twice");
        MeasuredPopulation.Problem([.. a, .. c]).Should().Contain("of another design").And.Contain("32 models per recipe");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"seed": 1}""")]
    [InlineData("""{"seed": "one", "dataset": "x"}""")]
    public void A_corrupt_results_json_is_an_input_error_naming_it(string content)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("results.json"), content);

        var read = () => MeasuredPopulation.Read(temp.File("results.json"));

        read.Should().Throw<InputException>().WithMessage($"*{temp.File("results.json")}*");
    }

    [Fact]
    public void A_folder_without_results_is_an_input_error_naming_it()
    {
        using var temp = new TempFolder();

        var read = () => MeasuredPopulation.ReadAll([temp.Path]);

        read.Should().Throw<InputException>().WithMessage($"{temp.Path}: no results.json*");
    }

    private static ClaimResult Claim(double effect, (double, double) sides) =>
        new("C1", "A lowers B.", Verdict.Supported, effect, [1.5, 3], 1, "ratio", "because")
        {
            Sides = sides,
            Parts =
            [
                new ClaimPart("baseline.tpr_reduction", "ratio", effect, [1.5, 3], 1, Verdict.Supported) { Sides = sides },
                new ClaimPart("baseline.auc_difference", "difference", 0.08, [0.07, 0.09], 0, Verdict.Supported) { Ratio = false },
                new ClaimPart("reported", "reported ratio", 4, [2, 8], null, null),
            ],
        };

    private static void Write(string folder, long seed, ClaimResult claim, int models = 64) => ResultsJsonFile.Write(folder, seed, claim, models);
}
