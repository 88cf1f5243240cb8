using MiaRepro.Claims;
using MiaRepro.Registration;
using MiaRepro.Seeds;

namespace MiaRepro.Results;

/// <summary>
/// A replicated design's run (<see cref="Recipes.ScaleProfile.Replicates"/> &gt; 1): R independent reproductions of
/// the scale's design, replicate 0 at the master seed and replicate r at <see cref="SeedOf"/> (own split, keep matrix,
/// model seeds and bootstrap draws), and the claims decided from the spread between them (<see cref="ReplicatedClaims"/>).
/// </summary>
/// <param name="Settings">The run's settings (the master seed, the output folder of the whole run).</param>
/// <param name="Replicates">Per replicate: its seed, claims, device, CPU kernels and stage seconds, in replicate order.</param>
/// <param name="Claims">The claims decided from the replicates.</param>
public sealed record ReplicatedRun(
    RunSettings Settings,
    IReadOnlyList<ReplicatedRun.Replicate> Replicates,
    IReadOnlyList<ClaimResult> Claims)
{
    /// <summary>One replicate's part of the run.</summary>
    public sealed record Replicate(
        int Index, long Seed, IReadOnlyList<ClaimResult> Claims, string Device, string Kernels, IReadOnlyDictionary<string, double> StageSeconds,
        int Trained, int Reused);

    /// <summary>The folder of replicate <paramref name="index"/> under the run's output folder.</summary>
    public static string FolderName(int index) => $"replicate-{index}";

    /// <summary>The master seed of replicate <paramref name="index"/>: the run's own for replicate 0, else one derived from it.</summary>
    public static long SeedOf(long master, int index) =>
        index == 0 ? master : SeedSequence.Derive(master, "replicate", index);

    /// <summary>
    /// Reproduces each replicate of <paramref name="settings"/>'s scale (outputs under <c>Out/replicate-r</c>, models
    /// shared through the settings' store), calling <paramref name="finished"/> with each result as it ends (to write
    /// its outputs and free it), and decides the claims from the replicates.
    /// </summary>
    public static ReplicatedRun Run(
        RunSettings settings, Func<RunSettings, ReproductionResult> reproduce, Action<int, ReproductionResult>? finished = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reproduce);
        var count = settings.Scale.Replicates;
        if (count < 2)
        {
            throw new ArgumentException($"the scale {settings.Scale.Name} is not replicated ({count} replicate).", nameof(settings));
        }

        var replicates = new List<Replicate>();
        for (var index = 0; index < count; index++)
        {
            var replicateSettings = settings with
            {
                Seed = SeedOf(settings.Seed, index),
                Out = Path.Combine(settings.Out, FolderName(index)),
            };
            var result = reproduce(replicateSettings);
            finished?.Invoke(index, result);
            replicates.Add(new Replicate(
                index, replicateSettings.Seed, result.Claims, result.Device, result.Kernels.Mode, result.StageSeconds,
                result.Recipes.Values.Sum(r => r.Trained.Store.Trained), result.Recipes.Values.Sum(r => r.Trained.Store.Reused)));
        }

        var design = Preregistration.Current.Scales.FirstOrDefault(d => d.Name == settings.Scale.Name)
            ?? throw new InvalidOperationException($"{Preregistration.RepositoryPath} registers no design for the scale {settings.Scale.Name}.");
        var claims = ReplicatedClaims.Decide([.. replicates.Select(r => r.Claims)], design, Preregistration.Current);
        return new ReplicatedRun(settings, replicates, claims);
    }
}
