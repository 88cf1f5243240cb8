using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Tests.Attacks;
using MiaRepro.Training;

namespace MiaRepro.Tests.Reports;

/// <summary>
/// A reproduction result without training: a baseline and a combined recipe on one keep matrix (synthetic φ, the
/// baseline's members shifted more), every model with its own train and test accuracy, every attack with intervals.
/// </summary>
internal static class SyntheticRun
{
    public const int Models = 8;
    public const int Examples = 400;
    public const int Replicates = 100;

    /// <param name="examples">Population examples (at least 2,500 for 10,000 non-member scores: TPR at 0.1% FPR measurable).</param>
    /// <param name="otherShift">How far the other recipe's members are shifted (the baseline's: 2).</param>
    public static ReproductionResult Create(string outDir, int examples = Examples, double otherShift = 0.4, string other = "crop-flip-early-stop")
    {
        var scale = ScaleProfile.Smoke with { Models = Models, Population = examples };
        var settings = new RunSettings(scale, "fashion-mnist", null, "cpu", ["baseline", other], 0, outDir, 2, BootstrapReplicates: Replicates);
        var outcomes = new Dictionary<string, RecipeOutcome>
        {
            ["baseline"] = Outcome("baseline", scale, settings, shift: 2.0, gap: 0.18),
            [other] = Outcome(other, scale, settings, shift: otherShift, gap: 0.06),
        };
        return new ReproductionResult(settings, "cpu", "synthetic", 11, 12, outcomes, [], new Dictionary<string, double> { ["train"] = 1.0 },
            new CpuKernelSelection(CpuKernels.Portable, "AVX2", "COMPATIBLE", "AVX2", "a synthetic CPU"))
        {
            Reductions = ReductionFactors.Compute(outcomes, scale.LiraAttack, new PairedComparisons(Replicates, (ulong)settings.BootstrapSeed)),
        };
    }

    private static RecipeOutcome Outcome(string recipe, ScaleProfile scale, RunSettings settings, double shift, double gap)
    {
        // The same seed draws the same keep matrix: the two recipes are paired, as in a real run.
        var population = SyntheticPopulation.Gaussian(Models, scale.Population, queries: 2, shift, seed: 5) with { Name = recipe };
        var models = Enumerable.Range(0, Models)
            .Select(m => new ModelRecord(m, m, 0.9 + (0.01 * (m % 3)), 0.9 + (0.01 * (m % 3)) - gap - (0.005 * m), 30, 30, null, scale.Population / 2, 1.0))
            .ToList();
        var trained = new TrainedPopulation(RecipeCatalog.Create(recipe, scale), population, models);
        return new RecipeOutcome(trained, AttackSuite.Run(population).WithIntervals(population, settings.BootstrapReplicates, settings.BootstrapSeed));
    }
}
