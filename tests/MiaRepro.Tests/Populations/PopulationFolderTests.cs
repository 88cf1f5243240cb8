using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.IO;
using MiaRepro.Populations;
using MiaRepro.Tests.Attacks;

namespace MiaRepro.Tests.Populations;

public sealed class PopulationFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Dir => Path.Combine(_folder.Path, "imported-recipe");

    public void Dispose() => _folder.Dispose();

    private static Population Synthetic() => SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: 5);

    [Fact]
    public void Imported_population_attacks_exactly_as_the_population_itself()
    {
        // Given a population written to a folder by another tool
        var population = PopulationFiles.WithLogits(Synthetic(), classes: 3);
        PopulationFiles.Write(Dir, population);

        // When it is read back and attacked
        var folder = PopulationFolder.Read(Dir);
        var imported = AttackSuite.Run(folder.Population);
        var direct = AttackSuite.Run(population);

        // Then it is named after the folder and every number equals the direct run's
        folder.Population.Name.Should().Be("imported-recipe");
        folder.Population.Keep.Should().Equal(population.Keep);
        folder.Population.Logits.Should().Equal(population.Logits);
        folder.Population.Classes.Should().Be(3);
        folder.Models.Should().BeEmpty();
        folder.TrainAccuracy.Should().BeNull();
        imported.Outcomes.Keys.Should().Equal(direct.Outcomes.Keys);
        foreach (var (name, outcome) in direct.Outcomes)
        {
            imported.Outcomes[name].Scores.Should().Equal(outcome.Scores);
            imported.Outcomes[name].Pooled.Should().BeEquivalentTo(outcome.Pooled);
        }
    }

    [Fact]
    public void Float32_scores_are_accepted_and_widened()
    {
        // Given
        var population = Synthetic();
        PopulationFiles.Write(Dir, population, float32Scores: true);

        // When
        var read = PopulationFolder.Read(Dir).Population;

        // Then
        read.Scores.Should().Equal(population.Scores.Select(v => (double)(float)v));
        read.Logits.Should().BeNull();
    }

    [Fact]
    public void Models_json_gives_the_accuracies_it_has_and_nothing_more()
    {
        // Given models.json with accuracies for every model, but no stop epoch
        PopulationFiles.Write(Dir, Synthetic());
        var models = string.Join(",", Enumerable.Range(0, 6).Select(i => $$"""{"seed": {{i}}, "train_accuracy": 0.9, "test_accuracy": 0.7}"""));
        File.WriteAllText(Path.Combine(Dir, "models.json"), $$"""{"models": [{{models}}]}""");

        // When
        var folder = PopulationFolder.Read(Dir);

        // Then
        folder.TrainAccuracy.Should().BeApproximately(0.9, 1e-12);
        folder.GeneralizationGap.Should().BeApproximately(0.2, 1e-12);
        folder.Models.Should().OnlyContain(m => m.StopEpoch == null);
        folder.Models.Select(m => m.Seed).Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Fact]
    public void Attack_that_needs_logits_is_reported_unavailable_with_its_reason()
    {
        // Given a folder without logits.npy and an attack that needs them
        PopulationFiles.Write(Dir, Synthetic());
        var population = PopulationFolder.Read(Dir).Population;

        // When
        var suite = AttackSuite.Run(population, [new LossAttack(), new NeedsLogitsAttack()]);

        // Then
        suite.Outcomes.Keys.Should().Equal("loss");
        suite.Unavailable.Should().ContainKey("needs-logits").WhoseValue.Should().Contain("logits.npy");
    }

    public static TheoryData<string, string> Malformations => new()
    {
        { "missing-scores", "scores.npy" },
        { "keep-as-int64", "keep.npy" },
        { "scores-rank-2", "scores.npy" },
        { "scores-int64", "scores.npy" },
        { "labels-too-short", "labels.npy" },
        { "scores-other-models", "scores.npy" },
        { "nan-score", "scores.npy" },
        { "logits-other-queries", "logits.npy" },
        { "label-beyond-classes", "labels.npy" },
        { "negative-label", "labels.npy" },
        { "example-in-every-model", "keep.npy" },
        { "models-json-count", "models.json" },
        { "models-json-broken", "models.json" },
        { "truncated-keep", "keep.npy" },
    };

    [Theory]
    [MemberData(nameof(Malformations))]
    public void Malformed_folder_is_rejected_naming_the_file(string malformation, string file)
    {
        // Given
        var population = PopulationFiles.WithLogits(Synthetic(), classes: 3);
        PopulationFiles.Write(Dir, population);
        Malform(malformation, population);

        // When
        var act = () => PopulationFolder.Read(Dir);

        // Then
        act.Should().Throw<InputException>().Which.Message.Should().Contain(Path.Combine(Dir, file));
    }

    [Fact]
    public void Missing_folder_is_rejected_naming_it()
    {
        var act = () => PopulationFolder.Read(Path.Combine(_folder.Path, "nowhere"));

        act.Should().Throw<InputException>().WithMessage("*nowhere*keep.npy*");
    }

    private void Malform(string malformation, Population p)
    {
        string In(string file) => Path.Combine(Dir, file);
        switch (malformation)
        {
            case "missing-scores":
                File.Delete(In("scores.npy"));
                break;
            case "keep-as-int64":
                Npy.Write(In("keep.npy"), NpyArray.Of(p.Keep.Select(k => k ? 1L : 0L).ToArray(), p.Models, p.Examples));
                break;
            case "scores-rank-2":
                Npy.Write(In("scores.npy"), NpyArray.Of(p.Scores, p.Models, p.Examples * p.Queries));
                break;
            case "scores-int64":
                Npy.Write(In("scores.npy"), NpyArray.Of(new long[p.Scores.Length], p.Models, p.Examples, p.Queries));
                break;
            case "labels-too-short":
                Npy.Write(In("labels.npy"), NpyArray.Of(p.Labels[1..], p.Examples - 1));
                break;
            case "scores-other-models":
                Npy.Write(In("scores.npy"), NpyArray.Of(p.Scores, p.Models / 2, p.Examples * 2, p.Queries));
                break;
            case "nan-score":
                var scores = (double[])p.Scores.Clone();
                scores[17] = double.NaN;
                Npy.Write(In("scores.npy"), NpyArray.Of(scores, p.Models, p.Examples, p.Queries));
                break;
            case "logits-other-queries":
                Npy.Write(In("logits.npy"), NpyArray.Of(p.Logits!, p.Models, p.Examples, p.Queries * p.Classes, 1));
                break;
            case "label-beyond-classes":
                Npy.Write(In("labels.npy"), NpyArray.Of([.. p.Labels.Select((l, n) => n == 3 ? 3L : l)], p.Examples));
                break;
            case "negative-label":
                Npy.Write(In("labels.npy"), NpyArray.Of([.. p.Labels.Select((l, n) => n == 3 ? -1L : l)], p.Examples));
                break;
            case "example-in-every-model":
                var keep = (bool[])p.Keep.Clone();
                for (var m = 0; m < p.Models; m++)
                {
                    keep[m * p.Examples] = true;
                }

                Npy.Write(In("keep.npy"), NpyArray.Of(keep, p.Models, p.Examples));
                break;
            case "models-json-count":
                File.WriteAllText(In("models.json"), """{"models": [{"seed": 1}]}""");
                break;
            case "models-json-broken":
                File.WriteAllText(In("models.json"), """{"models": [""");
                break;
            case "truncated-keep":
                var bytes = File.ReadAllBytes(In("keep.npy"));
                File.WriteAllBytes(In("keep.npy"), bytes[..^5]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(malformation), malformation, null);
        }
    }

    private sealed class NeedsLogitsAttack : IMembershipAttack
    {
        public string Name => "needs-logits";

        public string? MissingInput(Population population) =>
            population.Logits is null ? "needs the whole output vectors (logits.npy)" : null;

        public AttackScores Score(Population population) => throw new InvalidOperationException("must not run without logits");
    }
}
