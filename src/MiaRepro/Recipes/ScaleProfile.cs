using MiaRepro.Registration;

namespace MiaRepro.Recipes;

/// <summary>
/// A named, frozen set of defaults for one scale of the reproduction (the way a benchmark job fixes its run
/// settings). Command-line overrides produce a modified copy.
/// </summary>
/// <param name="Models">Models per recipe; each example is IN for exactly half of them.</param>
/// <param name="Population">Examples in the population, drawn from the dataset's training split.</param>
/// <param name="Validation">Examples held out for early stopping, disjoint from the population and the test set.</param>
/// <param name="Test">Examples of the test split used to measure test accuracy.</param>
/// <param name="CropPadding">Reflect padding of the random crop (4 for 32×32 CIFAR images, as in the LiRA reference; 2 for 28×28).</param>
/// <param name="CutoutSize">Side of the Cutout square (16 for CIFAR-10, as DeVries and Taylor; 8 for 28×28 images).</param>
/// <param name="LabelSmoothing">Label smoothing ε of the <c>label-smoothing</c> recipe (0.1, as Szegedy et al.).</param>
/// <param name="PoolSplits">Pool the dataset's train and test splits and draw population, validation and test from the pool (LiRA's protocol on CIFAR).</param>
/// <param name="LiraAttack">
/// The LiRA variant the claims are decided with. With fewer than 64 shadow models the LiRA paper (Carlini et al.
/// 2022, §VI) recommends one global variance (<c>lira-online-global</c>): per-example variances from a handful
/// of shadows are too noisy.
/// </param>
/// <param name="Twins">
/// Twin models per recipe of <paramref name="TwinRecipes"/> (claim C4): twin t trains on model t's keep row with its
/// own seed, so the pair differs only in training randomness. At most <paramref name="Models"/> are trained.
/// </param>
/// <param name="TwinRecipes">The recipes that get twins: those C4 compares.</param>
/// <param name="Replicates">
/// Independent replicates of the whole design (1: one population per recipe). Replicate 0 is the run at the master
/// seed; replicate r &gt; 0 runs at a seed derived from it, with its own split, keep matrix and model seeds; the claims
/// are decided from the variation between replicates (<c>ReplicatedClaims</c>).
/// </param>
public sealed record ScaleProfile(
    string Name,
    string Dataset,
    int Models,
    int Population,
    int Validation,
    int Test,
    int Epochs,
    int BatchSize,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    ModelSpec Model,
    int CropPadding,
    int CutoutSize,
    double LabelSmoothing,
    int Patience,
    IReadOnlyList<string> Recipes,
    string LiraAttack,
    bool PoolSplits = false,
    int Twins = 0,
    IReadOnlyList<string>? TwinRecipes = null,
    int Replicates = 1)
{
    /// <summary>How many twins <paramref name="recipe"/>'s population gets: <see cref="Twins"/> (at most <see cref="Models"/>) for a recipe of <see cref="TwinRecipes"/>, else 0.</summary>
    public int TwinsOf(string recipe) => TwinRecipes?.Contains(recipe) == true ? Math.Min(Twins, Models) : 0;

    /// <summary>How many models <paramref name="recipe"/> trains: its <see cref="Models"/> and its twins (<see cref="TwinsOf"/>).</summary>
    public int TrainedModelsOf(string recipe) => Models + TwinsOf(recipe);

    /// <summary>
    /// Fashion-MNIST on CPU in minutes: a 16/32-channel CNN, 2,000 population examples (each model trains on
    /// 1,000), 16 models per recipe, test accuracy on the whole 10,000-image test split, 24 epochs of SGD with batch 32 (fewer with early stopping), which fits
    /// the baseline's training set completely — the memorization the attacks measure. Early stopping's patience is
    /// the paper scale's share of the epoch budget (10 of 100 epochs there, so 3 of 24 here, rounded up).
    /// </summary>
    public static ScaleProfile Smoke { get; } = Registered(
        "smoke",
        epochs: 24,
        batchSize: 32,
        learningRate: 0.05,
        momentum: 0.9,
        weightDecay: 5e-4,
        model: ModelSpec.SmallCnn,
        cropPadding: 2,
        cutoutSize: 8,
        labelSmoothing: 0.1,
        patience: 3);

    /// <summary>
    /// The claims scale: the smoke design, replicated — <see cref="Replicates"/> independent smoke populations (5 in
    /// pre-registration version 4), so every claim's interval comes from the spread between replicates. On 2 CPU
    /// cores about five smoke runs' time.
    /// </summary>
    public static ScaleProfile Claims { get; } = Registered("claims", Smoke);

    /// <summary>
    /// The paper's setting, for GPU runners: CIFAR-10 (or <c>--dataset cifar100</c>) with train and test pooled
    /// (60,000 images, LiRA's protocol), 2,000 of them held out for early stopping and 2,000 for test accuracy, a
    /// population of the other 56,000 (each model trains on 28,000 — the paper's 30k of 60k less the held-out
    /// sets); ResNet-18 (CIFAR variant), 100 epochs of SGD (batch 256, learning rate 0.1, momentum 0.9, weight
    /// decay 5e-4, cosine), 64 models per recipe over the 14-recipe grid (896 models per dataset, 1,792 over
    /// CIFAR-10 and CIFAR-100), decided with per-example LiRA (64 shadows suffice for per-example variances).
    /// </summary>
    public static ScaleProfile Paper { get; } = Registered(
        "paper",
        epochs: 100,
        batchSize: 256,
        learningRate: 0.1,
        momentum: 0.9,
        weightDecay: 5e-4,
        model: ModelSpec.ResNet18,
        cropPadding: 4,
        cutoutSize: 16,
        labelSmoothing: 0.1,
        patience: 10,
        poolSplits: true);

    public static IReadOnlyList<ScaleProfile> All { get; } = [Smoke, Claims, Paper];

    /// <summary>
    /// A scale whose design — dataset, recipes, models, population, validation and test sets, attack — is the one
    /// registered in <c>claims/preregistration.json</c> under <paramref name="name"/>, trained with the given settings.
    /// </summary>
    private static ScaleProfile Registered(
        string name, int epochs, int batchSize, double learningRate, double momentum, double weightDecay, ModelSpec model,
        int cropPadding, int cutoutSize, double labelSmoothing, int patience, bool poolSplits = false)
    {
        var design = Preregistration.Current.Scale(name);
        return new ScaleProfile(
            name, design.Dataset, design.Models, design.Population, design.Validation, design.Test, epochs, batchSize,
            learningRate, momentum, weightDecay, model, cropPadding, cutoutSize, labelSmoothing, patience, design.Recipes,
            design.Attack, poolSplits, design.Twins, Preregistration.Current.Claim("C4").Recipes, design.Replicates);
    }

    /// <summary>The design registered under <paramref name="name"/>, trained as <paramref name="training"/> is.</summary>
    private static ScaleProfile Registered(string name, ScaleProfile training) => Registered(
        name, training.Epochs, training.BatchSize, training.LearningRate, training.Momentum, training.WeightDecay, training.Model,
        training.CropPadding, training.CutoutSize, training.LabelSmoothing, training.Patience, training.PoolSplits);

    /// <summary>
    /// The LiRA variant for a population of <paramref name="models"/> models trained elsewhere (<c>miarepro attack</c>):
    /// that of the registered scale with the most models not above <paramref name="models"/>, or of the smallest scale
    /// below them all — global variance up to the paper scale's 64 models, per-example variances from there on.
    /// </summary>
    public static string LiraAttackFor(int models) =>
        (All.Where(s => s.Models <= models).MaxBy(s => s.Models) ?? All.MinBy(s => s.Models)!).LiraAttack;

    public static ScaleProfile Get(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new InputException(new SettingProblem(
            Setting.Scale, null, $"unknown scale '{name}'. Valid scales: {string.Join(", ", All.Select(p => p.Name))}."));
}
