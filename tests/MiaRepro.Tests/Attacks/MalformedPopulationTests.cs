using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Populations;
using Xunit;

namespace MiaRepro.Tests.Attacks;

/// <summary>
/// A population read from someone's folder can be malformed in ways its files' headers do not show: each is an
/// <see cref="InputException"/> that names the population, the position and the fix, never a wrong score.
/// </summary>
public sealed class MalformedPopulationTests
{
    private static Population Sound() =>
        SyntheticPopulation.WithLogits(models: 4, examples: 10, queries: 2, classes: 3, shift: 1.0, seed: 7);

    [Theory]
    [InlineData("entropy")]
    [InlineData("shokri")]
    public void Logits_of_the_wrong_length_name_the_shape_they_should_have(string attack)
    {
        var population = Sound() with { Logits = new float[(4 * 10 * 2 * 3) - 1] };

        var act = () => AttackCatalog.Get(attack).Score(population);

        act.Should().Throw<InputException>().WithMessage("*expected logits [4, 10, 2, 3], got 239 values; rewrite logits.npy with that shape.");
    }

    [Fact]
    public void A_non_finite_logit_is_named_with_its_model()
    {
        var sound = Sound();
        var logits = sound.Logits!.ToArray();
        var index = (2 * 10 * 2 * 3) + 5; // model 2
        logits[index] = float.NaN;

        var act = () => AttackCatalog.Get("modified-entropy").Score(sound with { Logits = logits });

        act.Should().Throw<InputException>().WithMessage($"*logit {index} (model 2) is NaN; logits must be finite.");
    }

    [Fact]
    public void A_label_outside_the_classes_of_the_logits_is_named_with_its_example()
    {
        var sound = Sound();
        var labels = sound.Labels.ToArray();
        labels[6] = 3;

        var act = () => AttackCatalog.Get("entropy").Score(sound with { Labels = labels });

        act.Should().Throw<InputException>().WithMessage("*example 6 has label 3, outside the 3 classes of logits.npy.");
    }

    [Fact]
    public void Keep_scores_and_labels_of_mismatched_shapes_are_refused_with_the_files_to_rewrite()
    {
        var sound = Sound();

        var act = () => AttackCatalog.Get("lira-offline").Score(sound with { Labels = sound.Labels[..9] });

        act.Should().Throw<InputException>()
            .WithMessage("*expected keep [4, 10], scores [4, 10, 2] and labels [10], got 40, 80 and 9 values; rewrite keep.npy, scores.npy and labels.npy*");
    }

    [Fact]
    public void A_population_without_models_is_refused()
    {
        var act = () => AttackCatalog.Get("loss").Score(Sound() with { Models = 0, Keep = [], Scores = [] });

        act.Should().Throw<InputException>().WithMessage("*has 0 models, 10 examples and 2 queries; each must be at least 1.");
    }

    [Fact]
    public void A_model_that_trained_on_every_example_cannot_be_evaluated_as_a_target()
    {
        var sound = Sound();
        var keep = sound.Keep.ToArray();
        Array.Fill(keep, true, 10, 10); // model 1: all members

        var act = () => AttackEvaluation.Run(AttackCatalog.Get("loss"), sound with { Keep = keep });

        act.Should().Throw<InputException>().WithMessage("*model 1 trained on 10 of 10 examples; each model needs members and non-members*");
    }
}
