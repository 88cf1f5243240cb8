using MiaRepro.Augmentations;

namespace MiaRepro.Recipes;

/// <summary>
/// The named recipes (docs/recipes.md), built from a scale profile's shared settings. The first fourteen are the
/// paper's grid: {none, mirror, crop, crop+mirror, +Cutout, +AutoAugment, all augmentations} × {early
/// stopping off, on}. The rest add one more technique to crop+mirror, so that every technique the harness
/// implements can be audited as a recipe.
/// </summary>
public static class RecipeCatalog
{
    /// <summary>The recipe every technique is compared with: no augmentation, no early stopping.</summary>
    public const string Baseline = "baseline";

    private sealed record Definition(Func<ScaleProfile, AugmentationStep[]> Steps, bool EarlyStop, bool LabelSmoothing = false);

    private static readonly (string Name, Func<ScaleProfile, AugmentationStep[]> Steps)[] s_gridAugmentations =
    [
        (Baseline, _ => []),
        ("flip", _ => [new FlipStep()]),
        ("crop", p => [new CropStep(p.CropPadding)]),
        ("crop-flip", p => [new CropStep(p.CropPadding), new FlipStep()]),
        ("cutout", p => [new CropStep(p.CropPadding), new FlipStep(), new CutoutStep(p.CutoutSize)]),
        ("autoaugment", p => [new CropStep(p.CropPadding), new FlipStep(), new AutoAugmentStep()]),
        ("all-augmentations", p => [new CropStep(p.CropPadding), new FlipStep(), new AutoAugmentStep(), new CutoutStep(p.CutoutSize)]),
    ];

    private static readonly IReadOnlyDictionary<string, Definition> s_definitions = Build();

    /// <summary>Every recipe name, the paper grid first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_definitions.Keys];

    /// <summary>The paper's grid of fourteen recipes (seven augmentation pipelines, each with and without early stopping).</summary>
    public static IReadOnlyList<string> PaperGrid { get; } = [.. s_definitions.Keys.Take(2 * s_gridAugmentations.Length)];

    /// <summary>The name of the paper grid as a whole on the command line (<c>--recipes grid</c>).</summary>
    public const string GridAlias = "grid";

    public static bool Contains(string name) => s_definitions.ContainsKey(name);

    /// <summary>
    /// The recipe names of a comma-separated <c>--recipes</c> value, with <c>grid</c> standing for the paper's
    /// fourteen; names are not checked here (the run's validation lists every unknown one).
    /// </summary>
    public static IReadOnlyList<string> Parse(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(n => n == GridAlias ? PaperGrid : [n])];

    public static Recipe Create(string name, ScaleProfile profile)
    {
        if (!s_definitions.TryGetValue(name, out var d))
        {
            throw new InputException(new SettingProblem(
                Setting.Recipes, null, $"unknown recipe '{name}'. Valid recipes: {string.Join(", ", Names)}."));
        }

        return new Recipe(
            Name: name,
            Model: profile.Model,
            Epochs: profile.Epochs,
            BatchSize: profile.BatchSize,
            LearningRate: profile.LearningRate,
            Momentum: profile.Momentum,
            WeightDecay: profile.WeightDecay,
            LabelSmoothing: d.LabelSmoothing ? profile.LabelSmoothing : 0,
            Augmentation: new Augmentation(d.Steps(profile)),
            EarlyStopping: d.EarlyStop ? new EarlyStopping(profile.Patience, 0, RestoreBestWeights: true, StopMonitor.ValidationAccuracy) : null);
    }

    /// <summary>The recipe named <paramref name="name"/>: one of <paramref name="fromFiles"/> (a run's recipe files'), else the catalog's at <paramref name="profile"/>.</summary>
    public static Recipe Find(string name, ScaleProfile profile, IReadOnlyList<Recipe> fromFiles)
    {
        ArgumentNullException.ThrowIfNull(fromFiles);
        return fromFiles.FirstOrDefault(r => r.Name == name) ?? Create(name, profile);
    }

    /// <summary>The early-stopping twin of a grid augmentation: "baseline" → "early-stop", "all-augmentations" → "all", else "X-early-stop".</summary>
    private static string EarlyStopName(string name) => name switch
    {
        Baseline => "early-stop",
        "all-augmentations" => "all",
        _ => $"{name}-early-stop",
    };

    private static Dictionary<string, Definition> Build()
    {
        var definitions = new Dictionary<string, Definition>();
        foreach (var (name, steps) in s_gridAugmentations)
        {
            definitions[name] = new Definition(steps, EarlyStop: false);
        }

        foreach (var (name, steps) in s_gridAugmentations)
        {
            definitions[EarlyStopName(name)] = new Definition(steps, EarlyStop: true);
        }

        AugmentationStep[] CropFlip(ScaleProfile p) => [new CropStep(p.CropPadding), new FlipStep()];
        definitions["randaugment"] = new Definition(p => [.. CropFlip(p), new RandAugmentStep()], false);
        definitions["trivialaugment"] = new Definition(p => [.. CropFlip(p), new TrivialAugmentStep()], false);
        definitions["augmix"] = new Definition(p => [.. CropFlip(p), new AugMixStep()], false);
        definitions["mixup"] = new Definition(p => [.. CropFlip(p), new MixUpStep()], false);
        definitions["cutmix"] = new Definition(p => [.. CropFlip(p), new CutMixStep()], false);
        definitions["label-smoothing"] = new Definition(CropFlip, false, LabelSmoothing: true);
        return definitions;
    }
}
