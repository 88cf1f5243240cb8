using FluentAssertions;
using MiaRepro.Metrics;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>
/// Whether the claims' 95% intervals contain the variation between independent trainings of a design. Each of 200
/// simulated runs (<see cref="CoverageSimulation"/>) draws its own examples, keep matrix and models, each model its
/// own memorization (shift × exp(v·z)) and noise; the claims' paired bootstrap (targets and examples drawn with
/// replacement, 200 replicates) gives the interval of the TPR ratio at 0.1% FPR of a recipe that leaks twice as much
/// as another. The design's effect is the median of the runs' effects. The intervals must contain it in close to 95%
/// of the runs: the targets are independent trainings, and each target's attack uses shadows trained like it, so
/// resampling targets carries the training randomness of targets and shadows alike. The simulation allocates heavily
/// on every core, so it runs alone (<see cref="CoverageRunsAlone"/>), not beside the tests that train.
/// </summary>
[Collection(nameof(CoverageTests))]
public sealed class CoverageTests(ITestOutputHelper output)
{
    private const int Runs = 200;

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void The_paired_bootstrap_interval_covers_the_effect_across_independent_trainings(double between)
    {
        // Given 200 independent runs of one design whose models differ in how much they memorize (v = between)
        var effects = new double[Runs];
        var intervals = new Interval[Runs];
        Parallel.For(0, Runs, r =>
        {
            var comparison = CoverageSimulation.Compare(
                CoverageSimulation.Run(1000 + r, models: 16, examples: 2000, shiftA: 2.0, shiftB: 1.0, between), replicates: 200, seed: (ulong)r);
            effects[r] = comparison.Ratio;
            intervals[r] = comparison.RatioCi95;
        });

        // When each run's interval is compared with the design's effect
        var effect = effects.Order().ElementAt(Runs / 2);
        var covered = intervals.Count(i => i.Lower <= effect && effect <= i.Upper);
        var betweenRuns = StandardDeviation([.. effects.Select(e => Math.Log(e))]);
        var bootstrap = intervals.Average(i => Math.Log(i.Upper / i.Lower) / (2 * 1.96));
        output.WriteLine($"v = {between}: effect {effect:0.###}, covered in {covered} of {Runs} runs; " +
            $"SD of log effect between runs {betweenRuns:0.###}, mean bootstrap SD {bootstrap:0.###}");

        // Then close to 95% of the intervals contain it (binomial SE 1.5% at 200 runs), and none is far too narrow
        ((double)covered / Runs).Should().BeInRange(0.90, 1.0);
        bootstrap.Should().BeGreaterThan(0.8 * betweenRuns, "the intervals are as wide as the variation between trainings");
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}

/// <summary>Runs <see cref="CoverageTests"/> with no other test beside it.</summary>
[CollectionDefinition(nameof(CoverageTests), DisableParallelization = true)]
public sealed class CoverageRunsAlone;
