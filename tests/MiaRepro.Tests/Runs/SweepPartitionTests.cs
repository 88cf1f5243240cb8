using FluentAssertions;
using MiaRepro.Populations;
using MiaRepro.Runs.Sharding;

namespace MiaRepro.Tests.Runs;

/// <summary>The shares of a sweep: disjoint, covering, fixed by the recipes and model count alone, and balanced.</summary>
public sealed class SweepPartitionTests
{
    private static readonly string[] s_recipes = ["baseline", "flip", "crop-flip-early-stop"];

    public static TheoryData<int, int> Splits() => new()
    {
        { 6, 1 }, { 6, 2 }, { 6, 4 }, { 6, 5 }, { 6, 18 }, { 16, 3 }, { 16, 7 }, { 64, 16 }, { 64, 10 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Shards_are_disjoint_and_cover_every_model_of_the_run_exactly_once(int models, int shards)
    {
        // Given every shard of a run
        var all = ShardPlan.All(s_recipes, models);

        // When each shard's share is drawn
        var shares = Enumerable.Range(1, shards).Select(i => ShardPlan.Of(new Shard(i, shards), s_recipes, models)).ToList();

        // Then together they hold every model once
        all.Should().HaveCount(s_recipes.Length * models).And.OnlyHaveUniqueItems();
        shares.SelectMany(s => s).Should().BeEquivalentTo(all).And.OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Shards_get_equal_work_and_the_same_mix_of_recipes(int models, int shards)
    {
        // Given every shard of a run
        var shares = Enumerable.Range(1, shards).Select(i => ShardPlan.Of(new Shard(i, shards), s_recipes, models)).ToList();

        // Then shard sizes differ by at most one model, overall and within each recipe
        var sizes = shares.Select(s => s.Count).ToList();
        (sizes.Max() - sizes.Min()).Should().BeLessThanOrEqualTo(1);
        foreach (var recipe in s_recipes)
        {
            var perRecipe = shares.Select(s => s.Count(m => m.Recipe == recipe)).ToList();
            (perRecipe.Max() - perRecipe.Min()).Should().BeLessThanOrEqualTo(1, $"{recipe}'s models are spread round robin");
        }
    }

    [Fact]
    public void A_share_is_every_nth_model_of_the_recipe_major_order_and_depends_on_nothing_else()
    {
        // Given shard 2 of 4 of two recipes × 6 models (global positions 1, 5, 9)
        string[] recipes = ["baseline", "flip"];

        // When it is drawn twice
        var first = ShardPlan.Of(Shard.Parse("2/4").Shard!, recipes, 6);
        var second = ShardPlan.Of(new Shard(2, 4), recipes, 6);

        // Then it is the same list, in the global order
        first.Should().Equal(new ModelSlot("baseline", 1), new ModelSlot("baseline", 5), new ModelSlot("flip", 3));
        second.Should().Equal(first);
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("16/16", 16, 16)]
    public void Shard_parses_i_of_n_counting_from_one(string text, int index, int count) =>
        Shard.Parse(text).Should().Be((new Shard(index, count), (SettingProblem?)null));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("2", "is not i/n")]
    [InlineData("1/2/3", "is not i/n")]
    [InlineData("a/4", "is not i/n")]
    [InlineData("-1/4", "is not i/n")]
    [InlineData(" 1/4", "is not i/n")]
    [InlineData("0/4", "shards are numbered from 1")]
    [InlineData("5/4", "outside 1…4")]
    [InlineData("1/0", "at least 1 shard")]
    public void Bad_shard_is_a_problem_of_the_setting_naming_the_form(string? text, string reason)
    {
        var (shard, problem) = Shard.Parse(text);

        shard.Should().BeNull();
        problem!.Setting.Should().Be(Setting.Shard);
        problem.Message.Should().Contain(reason).And.Contain("1/4").And.NotContain("--");
    }

    [Fact]
    public void More_shards_than_models_is_an_error_naming_the_most_shards_possible()
    {
        var problem = ShardPlan.Problem(new Shard(1, 13), ["baseline", "flip"], 6);
        var plan = () => ShardPlan.Of(new Shard(1, 13), ["baseline", "flip"], 6);

        problem!.ToString().Should().Contain("shard 1/13").And.Contain("at most 12 shards");
        plan.Should().Throw<ArgumentException>().WithMessage("*at most 12 shards*");
    }
}
