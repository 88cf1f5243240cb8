using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Training;

/// <summary>Every named recipe trains: one or two epochs on a tiny population, through the real trainer.</summary>
public sealed class RecipeTrainingTests
{
    public static TheoryData<string> Recipes => [.. RecipeCatalog.Names];

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Every_named_recipe_trains_on_a_tiny_population(string name)
    {
        // Given a tiny learnable dataset and the recipe at smoke settings, cut to two epochs of a small CNN
        using var data = TrainingData.Create(
            TrainerTests.Synthetic(), [.. Enumerable.Range(0, 96)], [.. Enumerable.Range(96, 48)], [.. Enumerable.Range(0, 40)], CPU);
        var keep = Enumerable.Range(0, 96).Select(i => i % 8 < 4).ToArray();
        var recipe = RecipeCatalog.Create(name, ScaleProfile.Smoke) with
        {
            Epochs = 2,
            BatchSize = 16,
            Model = new ModelSpec(ModelSpec.SmallCnnName, 4, 2, 16),
        };

        // When one model is trained
        var result = Trainer.Train(recipe, data, keep, seed: 11, CPU, new QueryGrid(2, ScaleProfile.Smoke.CropPadding));

        // Then it has finite logits for every example and query, and a stop epoch within the run
        result.Logits.Should().HaveCount(96 * 2 * 4).And.OnlyContain(v => float.IsFinite(v));
        result.EpochsRun.Should().BeInRange(1, 2);
        result.StopEpoch.Should().BeInRange(1, result.EpochsRun);
        (recipe.EarlyStopping is null).Should().Be(result.BestValidationLoss is null);
        result.TrainAccuracy.Should().BeInRange(0, 1);
        result.Weights.Should().NotBeNullOrEmpty();
    }
}
