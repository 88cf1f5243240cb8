using System.Diagnostics;
using MiaRepro.Attacks;
using MiaRepro.Claims;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Store;

namespace MiaRepro.Runs;

/// <summary>
/// The main job, end to end: load the data, draw the split and keep matrix from the master seed, train every
/// recipe's population, run every attack with leave-one-out targets, and decide the claims.
/// </summary>
public static class Reproduction
{
    /// <summary>The run with the model store of <see cref="RunSettings.Store"/> (or none): models it lacks are trained.</summary>
    /// <param name="keepExamples">Whether the result keeps the population's images (<see cref="ReproductionResult.Examples"/>).</param>
    public static ReproductionResult Run(RunSettings settings, IProgress<PopulationProgress>? progress = null, bool keepExamples = false)
    {
        settings.RequireValid();
        return Run(settings, settings.Store is null ? null : new ModelStore(settings.Store), progress, keepExamples);
    }

    /// <summary>
    /// The run with its models from <paramref name="store"/>: a model store, or a view of stored models that
    /// supplies every model and trains none (the shards of a sweep, <see cref="Sharding.Merge"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="settings"/> have <see cref="RunSettings.Problems"/>.</exception>
    /// <param name="keepExamples">Whether the result keeps the population's images (<see cref="ReproductionResult.Examples"/>).</param>
    public static ReproductionResult Run(RunSettings settings, IModelStore? store, IProgress<PopulationProgress>? progress = null, bool keepExamples = false)
    {
        settings.RequireValid();
        var stages = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();

        var scale = settings.Scale;
        using var run = RunData.Prepare(
            scale, settings.Dataset, settings.DataDir, settings.Device, settings.Threads, scale.Models, settings.Seed, settings.CpuKernels);
        stages["load"] = Lap(watch);

        var populations = new Dictionary<string, TrainedPopulation>();
        var context = new TrainingContext(run.Data, run.Device, settings.QueryGrid, store);
        var (total, before) = (settings.Recipes.Sum(scale.TrainedModelsOf), 0);
        foreach (var name in settings.Recipes)
        {
            var recipe = settings.RecipeNamed(name);
            // Recipes train one after another: their progress counts the run's models.
            var offset = before;
            var recipeProgress = progress is null
                ? null
                : new SynchronousProgress<PopulationProgress>(p => progress.Report(p with { ModelsDone = offset + p.ModelsDone, Models = total }));
            populations[name] = PopulationTrainer.Train(
                recipe, context, run.Keep, scale.Models, settings.Seed, recipeProgress, run.Workers, scale.TwinsOf(name));
            before += scale.TrainedModelsOf(name);
            // "load" when the store supplied every model (a warm store, or the shards of a merge): nothing trained.
            stages[$"{(populations[name].Store.Trained > 0 ? "train" : "load")}:{name}"] = Lap(watch);
        }

        var analysis = Analyse(populations, scale, settings.BootstrapReplicates, settings.BootstrapSeed, stage => stages[stage] = Lap(watch));
        return new ReproductionResult(
            settings, run.Device.type.ToString().ToLowerInvariant(), run.Dataset.Source, run.KeepSeed, run.SplitSeed,
            analysis.Outcomes, analysis.Claims, stages, run.Kernels)
        {
            Sensitivity = analysis.Sensitivity,
            Reductions = analysis.Reductions,
            Images = RunImages.Of(run.Dataset),
            Examples = keepExamples ? run.PopulationImages() : null,
        };
    }

    /// <summary>
    /// Everything after training, from the populations alone (so it repeats exactly on any machine): every attack,
    /// its intervals, the claims, the claims under the other attacks and the reduction factors. <paramref name="stage"/>
    /// hears "attack", "intervals", "claims", "sensitivity" and "reductions" as each ends.
    /// </summary>
    public static RunAnalysis Analyse(
        IReadOnlyDictionary<string, TrainedPopulation> populations, ScaleProfile scale, int replicates, long bootstrapSeed,
        Action<string>? stage = null)
    {
        var suites = populations.ToDictionary(p => p.Key, p => AttackSuite.Run(p.Value.Population));
        stage?.Invoke("attack");

        // The same draws for every attack and recipe (one keep matrix), and for the claims' paired comparisons.
        var outcomes = populations.ToDictionary(
            p => p.Key,
            p => new RecipeOutcome(p.Value, suites[p.Key].WithIntervals(p.Value.Population, replicates, bootstrapSeed)));
        stage?.Invoke("intervals");

        var evidence = new ClaimEvidence(populations, outcomes.ToDictionary(o => o.Key, o => o.Value.Attacks), replicates, bootstrapSeed);
        var registered = ClaimCatalog.For(scale);
        var claims = Decide(registered, evidence);
        var usingAttacks = registered.Where(c => c.Attack is not null).Select(c => c.Id).ToHashSet();
        stage?.Invoke("claims");

        // The attack-dependent claims again under each other LiRA convention and RMIA, from the same draws.
        var sensitivity = ClaimSensitivity.Attacks(scale.LiraAttack, AttackCatalog.Names)
            .Select(a => new ClaimSensitivity(
                a.Attack,
                a.Convention,
                a.Attack == scale.LiraAttack,
                a.Attack == scale.LiraAttack
                    ? [.. claims.Where(c => usingAttacks.Contains(c.Id))]
                    : Decide([.. ClaimCatalog.For(scale, a.Attack).Where(c => c.Attack is not null)], evidence)))
            .ToList();
        stage?.Invoke("sensitivity");

        // The reduction factors from the claims' comparisons: the combined recipe's at 0.1% is C3's, not bootstrapped again.
        var reductions = ReductionFactors.Compute(outcomes, scale.LiraAttack, evidence.Comparisons);
        stage?.Invoke("reductions");
        return new RunAnalysis(outcomes, claims, sensitivity, reductions);
    }

    private static List<ClaimResult> Decide(IReadOnlyList<IClaim> claims, ClaimEvidence evidence)
    {
        var recipes = evidence.Populations.ToDictionary(p => p.Key, p => p.Value.Recipe);
        return [.. claims.Where(c => c.AppliesTo(recipes)).Select(c => c.Decide(evidence))];
    }

    private static double Lap(Stopwatch watch)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}
