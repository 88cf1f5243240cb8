using FluentAssertions;
using MiaRepro.Cli;
using Xunit;

namespace MiaRepro.Tests.Cli;

/// <summary>The benchmarks run end to end at a small size (their numbers are measurements, not checked here).</summary>
public sealed class CliBenchTests
{
    [Fact]
    public void Bench_attack_times_every_attack_on_a_small_synthetic_population()
    {
        var (code, error) = CliRunner.Run("bench", "attack", "--models", "6", "--examples", "200", "--logits", "--classes", "3");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ran);
    }

    [Fact]
    public void Bench_train_trains_one_smoke_model_and_reports_its_throughput()
    {
        var (code, error) = CliRunner.Run("bench", "train", "--recipes", "baseline", "--models", "1", "--probe-batches", "0", "--threads", "1");

        error.Should().BeEmpty();
        code.Should().Be(ExitCodes.Ran);
    }
}
