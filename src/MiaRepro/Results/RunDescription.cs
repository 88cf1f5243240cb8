using System.Text.Json.Nodes;
using MiaRepro.IO;
using MiaRepro.Training;
using static System.FormattableString;

namespace MiaRepro.Results;

/// <summary>
/// The settings a reproduction ran with, as its outputs record them: one value built once from the run
/// (<see cref="Of"/>), serialized once (<see cref="ToJson"/>: the leading fields of <c>results.json</c>, in the order
/// docs/output.md lists them) and rendered once for people (<see cref="Sentence"/>: the first line of <c>report.md</c>).
/// </summary>
/// <param name="Threads">Models trained side by side on CPU; torch's CPU threads on a GPU.</param>
/// <param name="DatasetSource">Where the dataset was read from.</param>
public sealed record RunDescription(
    string Dataset,
    string Scale,
    string Device,
    long Seed,
    RunSeeds Seeds,
    int BootstrapReplicates,
    int Threads,
    RunKernels CpuKernels,
    int ModelsPerRecipe,
    int Population,
    int Queries,
    int Epochs,
    string DatasetSource,
    RunImages? Images)
{
    public static RunDescription Of(ReproductionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        return new(
            s.Dataset, s.Scale.Name, result.Device, s.Seed, new RunSeeds(s.Seed, result.KeepSeed, result.SplitSeed, s.BootstrapSeed),
            s.BootstrapReplicates, s.Threads, RunKernels.Of(result.Kernels), s.Scale.Models, s.Scale.Population, s.Queries,
            s.Scale.Epochs, result.DatasetSource, result.Images);
    }

    /// <summary>The description as JSON fields (snake_case names): the one serialization of a run's settings.</summary>
    public JsonObject ToJson() => System.Text.Json.JsonSerializer.SerializeToNode(this, JsonText.SnakeCase)!.AsObject();

    /// <summary>"Dataset **fashion-mnist**, scale **smoke**, device **cpu** (2 threads), 16 models per recipe, …".</summary>
    public string Sentence() =>
        Invariant($"Dataset **{Dataset}**, scale **{Scale}**, device **{Device}** ({Threads} threads), ")
        + Invariant($"{ModelsPerRecipe} models per recipe, population {Population}, {Epochs} epochs, {Queries} queries, ")
        + Invariant($"master seed {Seed} (keep {Seeds.Keep}, split {Seeds.Split}, bootstrap {Seeds.Bootstrap}). Data: `{DatasetSource}`")
        + (Images is { } i
            ? Invariant($", images {i.Channels}×{i.Height}×{i.Width} of {i.Classes} classes ({i.Train:N0} training, {i.Test:N0} test), normalized as {i.Normalization}.")
            : ".");

    /// <summary>"master 0, keep …, split …, bootstrap … (1,000 replicates)".</summary>
    public string SeedsText() =>
        Invariant($"master {Seeds.Master}, keep {Seeds.Keep}, split {Seeds.Split}, bootstrap {Seeds.Bootstrap} ({BootstrapReplicates:N0} replicates)");
}

/// <summary>
/// The dataset's images as the models saw them: shape, classes, split sizes and the normalization — what flows from a
/// dataset of one's own into the model.
/// </summary>
/// <param name="ClassNames">The classes' names where the dataset has them, else null.</param>
public sealed record RunImages(int Channels, int Height, int Width, int Classes, int Train, int Test, string Normalization, IReadOnlyList<string>? ClassNames)
{
    public static RunImages Of(Data.Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var t = dataset.Train;
        return new(t.Channels, t.Height, t.Width, t.Classes, t.Count, dataset.Test.Count, TensorSet.Normalization, t.ClassNames);
    }
}

/// <summary>A run's seeds: the master seed and those derived from it for the keep matrix, the data split and the bootstrap.</summary>
public sealed record RunSeeds(long Master, long Keep, long Split, long Bootstrap);

/// <summary>The CPU kernels a run computed with, as results.json records them (<see cref="CpuKernelSelection"/>).</summary>
/// <param name="StoreIdentity">The kernels' part of the models' store keys (<see cref="CpuKernelSelection.Identity"/>).</param>
public sealed record RunKernels(string Mode, string? AtenCapability, string? OnednnMaxIsa, string? MklBranch, string Cpu, string StoreIdentity)
{
    public static RunKernels Of(CpuKernelSelection k)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new(k.Mode, k.AtenCapability, k.OneDnnMaxIsa, k.MklBranch, k.Cpu, k.Identity);
    }
}
