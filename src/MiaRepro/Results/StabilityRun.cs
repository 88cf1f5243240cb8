using MiaRepro.Claims;

namespace MiaRepro.Results;

/// <summary>
/// The stability of the verdicts: the same design reproduced at several master seeds (each its own split, keep
/// matrix, model seeds and bootstrap draws), and per claim each seed's effect, interval and verdict and how many
/// seeds differ from the most frequent verdict. The acceptance criterion of a design: every claim the same at every
/// seed, under each CPU kernel setting.
/// </summary>
/// <param name="Seeds">The master seeds, in the order they ran.</param>
/// <param name="CpuKernels">The CPU kernels every seed ran with (one setting per process).</param>
/// <param name="Runs">Per seed: the reproduction's settings (its output folder) and claims.</param>
public sealed record StabilityRun(
    IReadOnlyList<long> Seeds,
    string CpuKernels,
    string Device,
    IReadOnlyList<(RunSettings Settings, IReadOnlyList<ClaimResult> Claims)> Runs)
{
    /// <summary>Each claim's stability, in claim order.</summary>
    public IReadOnlyList<ClaimStability> Claims =>
    [
        .. Runs.SelectMany(r => r.Claims.Select(c => c.Id)).Distinct().Order(StringComparer.Ordinal)
            .Select(id => ClaimStability.Of(id, [.. Runs.SelectMany(r => r.Claims.Where(c => c.Id == id).Select(c => (r.Settings.Seed, c)))])),
    ];

    /// <summary>Every claim gave one verdict at every seed.</summary>
    public bool Stable => Claims.All(c => c.Stable);

    /// <summary>The problem of running at <paramref name="seeds"/>: fewer than two, or one named twice; null when they can run.</summary>
    public static SettingProblem? SeedsProblem(IReadOnlyList<long> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return seeds.Count < 2 || seeds.Distinct().Count() != seeds.Count
            ? new SettingProblem(Setting.Seeds, string.Join(",", seeds), "name at least two different master seeds, e.g. 101,102,103,104,105.")
            : null;
    }

    /// <summary>
    /// Reproduces <paramref name="template"/> at each of <paramref name="seeds"/> (outputs under
    /// <c>Out/seed-S</c>, models shared through the template's store), calling <paramref name="finished"/> with each
    /// seed's result as it ends (to write its outputs), and keeps only the claims.
    /// </summary>
    public static StabilityRun Run(
        RunSettings template, IReadOnlyList<long> seeds, Func<RunSettings, ReproductionResult> reproduce, Action<ReproductionResult>? finished = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(reproduce);
        if (SeedsProblem(seeds) is { } problem)
        {
            throw new ArgumentException(problem.ToString(), nameof(seeds));
        }

        var runs = new List<(RunSettings, IReadOnlyList<ClaimResult>)>();
        string? device = null;
        foreach (var seed in seeds)
        {
            var settings = template with { Seed = seed, Out = Path.Combine(template.Out, $"seed-{seed}") };
            var result = reproduce(settings);
            finished?.Invoke(result);
            device ??= result.Device;
            runs.Add((settings, result.Claims));
        }

        return new StabilityRun(seeds, template.CpuKernels, device ?? template.Device, runs);
    }
}
