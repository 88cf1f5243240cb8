using FluentAssertions;
using MiaRepro.Populations;

namespace MiaRepro.Tests.Populations;

public sealed class KeepMatrixTests
{
    [Theory]
    [InlineData(4, 100)]
    [InlineData(16, 4000)]
    public void Every_example_is_in_for_exactly_half_the_models(int models, int examples)
    {
        var keep = KeepMatrix.Balanced(models, examples, seed: 3);

        for (var i = 0; i < examples; i++)
        {
            var ins = 0;
            for (var m = 0; m < models; m++)
            {
                ins += keep[(m * examples) + i] ? 1 : 0;
            }

            ins.Should().Be(models / 2);
        }
    }

    [Fact]
    public void Each_model_trains_on_about_half_the_examples_and_rows_differ()
    {
        var keep = KeepMatrix.Balanced(8, 4000, seed: 1);

        for (var m = 0; m < 8; m++)
        {
            keep.AsSpan(m * 4000, 4000).ToArray().Count(k => k).Should().BeInRange(1850, 2150);
        }

        keep.AsSpan(0, 4000).ToArray().Should().NotEqual(keep.AsSpan(4000, 4000).ToArray());
    }

    [Fact]
    public void Same_seed_gives_the_same_matrix_and_another_seed_another()
    {
        KeepMatrix.Balanced(8, 500, 11).Should().Equal(KeepMatrix.Balanced(8, 500, 11));
        KeepMatrix.Balanced(8, 500, 11).Should().NotEqual(KeepMatrix.Balanced(8, 500, 12));
    }

    [Fact]
    public void Odd_model_count_is_rejected()
    {
        var act = () => KeepMatrix.Balanced(5, 10, 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Split_draws_disjoint_population_and_validation_sets()
    {
        var split = DataSplit.Draw(trainCount: 1000, testCount: 300, population: 600, validation: 100, test: 200, seed: 5);

        split.Population.Should().HaveCount(600).And.OnlyHaveUniqueItems();
        split.Validation.Should().HaveCount(100).And.OnlyHaveUniqueItems();
        split.Population.Intersect(split.Validation).Should().BeEmpty();
        split.Test.Should().HaveCount(200).And.OnlyHaveUniqueItems().And.OnlyContain(i => i < 300);
        DataSplit.Draw(1000, 300, 600, 100, 200, 5).Population.Should().Equal(split.Population);
    }

    [Fact]
    public void Split_larger_than_the_dataset_is_a_clear_input_error()
    {
        var act = () => DataSplit.Draw(1000, 300, 950, 100, 200, 5);

        act.Should().Throw<InputException>().WithMessage("population 950:*Use a population ≤ 900.");
    }

    [Fact]
    public void A_dataset_no_larger_than_the_validation_set_is_refused_without_a_negative_population()
    {
        // Given 500 training examples and a scale that holds out 1,000 for validation
        var act = () => DataSplit.Draw(500, 300, 2000, 1000, 200, 5);

        // Then the message says what is missing, and never "Use --population ≤ -500"
        act.Should().Throw<InputException>().WithMessage("*500 training examples, no more than the 1000 the scale holds out*")
            .Which.Message.Should().NotContain("≤ -");
        act.Should().Throw<InputException>().Which.Problems.Should().ContainSingle()
            .Which.Setting.Should().Be(Setting.DataDir, "the CLI names the flag that chooses the dataset");
    }

    [Fact]
    public void Pooled_split_draws_population_validation_and_test_disjoint_from_one_pool()
    {
        var split = DataSplit.Draw(trainCount: 1200, testCount: 1200, population: 1000, validation: 100, test: 100, seed: 5, pooled: true);

        string[] parts = ["population", "validation", "test"];
        IReadOnlyList<int>[] sets = [split.Population, split.Validation, split.Test];
        sets.Select(s => s.Count).Should().Equal(1000, 100, 100);
        sets.SelectMany(s => s).Should().OnlyHaveUniqueItems("the {0} sets are disjoint", string.Join(", ", parts))
            .And.OnlyContain(i => i >= 0 && i < 1200);
        split.Test.Should().Contain(i => i >= 600, "the test set is drawn from the whole pool, not only its first split");
        var act = () => DataSplit.Draw(1200, 1200, 1001, 100, 100, 5, pooled: true);
        act.Should().Throw<InputException>().WithMessage("population 1001:*pooled*≤ 1000*");
    }
}
