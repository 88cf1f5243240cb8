using FluentAssertions;
using MiaRepro.Data;
using MiaRepro.Recipes;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Training;

public sealed class TrainerTests
{
    /// <summary>A tiny learnable dataset: class c is a bright bar in row band c (plus noise).</summary>
    internal static Dataset Synthetic(int train = 240, int test = 60)
    {
        static ImageSet Make(int n, int seed)
        {
            var random = new Random(seed);
            var pixels = new byte[n * 28 * 28];
            var labels = new long[n];
            for (var i = 0; i < n; i++)
            {
                var c = i % 4;
                labels[i] = c;
                for (var p = 0; p < 28 * 28; p++)
                {
                    var row = p / 28;
                    var bright = row >= c * 7 && row < (c + 1) * 7;
                    pixels[(i * 784) + p] = (byte)Math.Clamp((bright ? 180 : 40) + random.Next(-40, 40), 0, 255);
                }
            }

            return new ImageSet(pixels, labels, 1, 28, 28, 4);
        }

        return new Dataset("synthetic", Make(train, 1), Make(test, 2), "memory");
    }

    private static readonly QueryGrid One = QueryGrid.For(1, ScaleProfile.Smoke);
    private static readonly QueryGrid Two = QueryGrid.For(2, ScaleProfile.Smoke);

    private static Recipe Tiny(bool earlyStop) =>
        RecipeCatalog.Create(earlyStop ? "crop-flip-early-stop" : "baseline", ScaleProfile.Smoke) with
        {
            Epochs = 8,
            BatchSize = 16,
            Model = new ModelSpec("small-cnn", 8, 2, 32),
        };

    private static (TrainingData Data, bool[] Keep) Prepare()
    {
        var dataset = Synthetic();
        var data = TrainingData.Create(dataset, [.. Enumerable.Range(0, 160)], [.. Enumerable.Range(160, 80)], [.. Enumerable.Range(0, 60)], CPU);
        var keep = Enumerable.Range(0, 160).Select(i => i % 8 < 4).ToArray(); // every class among the members
        return (data, keep);
    }

    [Fact]
    public void Same_seed_gives_identical_logits_and_another_seed_different_ones()
    {
        var (data, keep) = Prepare();
        using var _ = data;

        var a = Trainer.Train(Tiny(true), data, keep, seed: 5, CPU, queries: Two);
        var b = Trainer.Train(Tiny(true), data, keep, seed: 5, CPU, queries: Two);
        var c = Trainer.Train(Tiny(true), data, keep, seed: 6, CPU, queries: Two);

        a.Logits.Should().Equal(b.Logits);
        a.StopEpoch.Should().Be(b.StopEpoch);
        a.Logits.Should().NotEqual(c.Logits);
    }

    [Fact]
    public void Training_learns_the_task_and_reports_shapes_and_accuracies()
    {
        var (data, keep) = Prepare();
        using var _ = data;

        var result = Trainer.Train(Tiny(false), data, keep, seed: 1, CPU, queries: Two);

        result.Logits.Should().HaveCount(160 * 2 * 4);
        result.Logits.Should().OnlyContain(v => float.IsFinite(v));
        result.TrainAccuracy.Should().BeGreaterThan(0.9);
        result.TestAccuracy.Should().BeGreaterThan(0.9);
        result.StopEpoch.Should().Be(8);
        result.EpochsRun.Should().Be(8);
        result.BestValidationLoss.Should().BeNull();
    }

    [Fact]
    public void Early_stopping_records_the_restored_epoch_and_the_best_validation_loss()
    {
        var (data, keep) = Prepare();
        using var _ = data;
        var recipe = Tiny(true) with { EarlyStopping = new EarlyStopping(Patience: 1, MinDelta: 10, RestoreBestWeights: true) };

        // MinDelta 10 means no epoch after the first counts as an improvement: stop after epoch 2, keep epoch 1.
        var result = Trainer.Train(recipe, data, keep, seed: 1, CPU, queries: One);

        result.EpochsRun.Should().Be(2);
        result.StopEpoch.Should().Be(1);
        result.BestValidationLoss.Should().NotBeNull();
    }

    [Fact]
    public void Mirror_query_is_the_logits_of_the_mirrored_image()
    {
        var (data, keep) = Prepare();
        using var _ = data;

        var two = Trainer.Train(Tiny(false), data, keep, seed: 2, CPU, queries: Two);
        var one = Trainer.Train(Tiny(false), data, keep, seed: 2, CPU, queries: One);

        // The identity view (query 0) of the two-query run equals the one-query run's logits.
        for (var i = 0; i < 160; i++)
        {
            two.Logits.AsSpan(i * 8, 4).ToArray().Should().Equal(one.Logits.AsSpan(i * 4, 4).ToArray());
        }
    }

    [Fact]
    public void Eighteen_queries_give_logits_for_every_view_and_begin_with_the_two_query_views()
    {
        // Given the tiny task and the smoke scale's 18-query grid (shifts of ±2 pixels)
        var (data, keep) = Prepare();
        using var _ = data;

        // When the same model is trained and queried with 18 and with 2 views
        var eighteen = Trainer.Train(Tiny(false), data, keep, seed: 3, CPU, queries: QueryGrid.For(18, ScaleProfile.Smoke));
        var two = Trainer.Train(Tiny(false), data, keep, seed: 3, CPU, queries: Two);

        // Then there are examples × 18 × classes finite logits, and each example's first two views are the 2-query run's
        eighteen.Queries.Should().Be(18);
        eighteen.Logits.Should().HaveCount(160 * 18 * 4).And.OnlyContain(v => float.IsFinite(v));
        for (var i = 0; i < 160; i++)
        {
            eighteen.Logits.AsSpan(i * 18 * 4, 2 * 4).ToArray().Should().Equal(two.Logits.AsSpan(i * 2 * 4, 2 * 4).ToArray());
        }

        // and the shifted views differ from the identity
        eighteen.Logits.AsSpan(2 * 4, 4).ToArray().Should().NotEqual(eighteen.Logits.AsSpan(0, 4).ToArray());
        eighteen.TrainAccuracy.Should().Be(two.TrainAccuracy, "train accuracy is read from the identity view");
    }

    [Fact]
    public void Cosine_schedule_starts_at_the_base_rate_and_decays_to_zero()
    {
        LearningRateSchedule.RateAt(LearningRateSchedule.Cosine, 0.1, 0, 100).Should().BeApproximately(0.1, 1e-12);
        LearningRateSchedule.RateAt(LearningRateSchedule.Cosine, 0.1, 50, 100).Should().BeApproximately(0.05, 1e-12);
        LearningRateSchedule.RateAt(LearningRateSchedule.Cosine, 0.1, 100, 100).Should().BeApproximately(0, 1e-12);
    }
}
