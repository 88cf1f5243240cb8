using System.Globalization;
using MiaRepro.Populations;

namespace MiaRepro.Populations;

/// <summary>
/// Checks a population before any attack runs, turning problems into <see cref="InputException"/>s that name
/// the population and the fix.
/// </summary>
public static class PopulationValidation
{
    /// <summary>
    /// The largest |φ| a population may hold: φ = z_y − logsumexp of float32 logits stays below 2 × 3.4e38, and below
    /// 1e39 the attacks' squares and sums over ~1e6 terms stay finite in float64; beyond it (|φ| ≈ 1e155 was tried)
    /// they overflow to NaN. A φ that large cannot come from float32 logits.
    /// </summary>
    public const double MaxAbsPhi = 1e39;

    /// <summary>Shapes agree, every dimension is positive, and every φ is finite and within ±<see cref="MaxAbsPhi"/>.</summary>
    public static void RequireWellFormed(Population population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var p = population;
        if (p.Models < 1 || p.Examples < 1 || p.Queries < 1)
        {
            throw new InputException(
                $"Population '{p.Name}' has {p.Models} models, {p.Examples} examples and {p.Queries} queries; each must be at least 1.");
        }

        var cells = (long)p.Models * p.Examples;
        if (p.Keep.Length != cells || p.Scores.Length != cells * p.Queries || p.Labels.Length != p.Examples)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture,
                $"Population '{p.Name}': expected keep [{p.Models}, {p.Examples}], scores [{p.Models}, {p.Examples}, {p.Queries}] and labels [{p.Examples}], got {p.Keep.Length}, {p.Scores.Length} and {p.Labels.Length} values; rewrite keep.npy, scores.npy and labels.npy with matching shapes."));
        }

        for (var i = 0; i < p.Scores.Length; i++)
        {
            if (!double.IsFinite(p.Scores[i]) || Math.Abs(p.Scores[i]) > MaxAbsPhi)
            {
                var q = i % p.Queries;
                var n = i / p.Queries % p.Examples;
                var m = i / p.Queries / p.Examples;
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Population '{p.Name}': score of model {m}, example {n}, query {q} is {p.Scores[i]}; φ must be finite and within ±{MaxAbsPhi:0e0} (the most float32 logits can give), recompute scores.npy from the logits."));
            }
        }
    }

    /// <summary>
    /// Every model has members and non-members, and with any model removed as the target every example still has
    /// at least one IN and one OUT shadow: each example must be IN for ≥ 2 and OUT for ≥ 2 models.
    /// </summary>
    public static void RequireShadowsForEveryTarget(Population population)
    {
        RequireWellFormed(population);
        var p = population;
        for (var n = 0; n < p.Examples; n++)
        {
            var inCount = 0;
            for (var m = 0; m < p.Models; m++)
            {
                inCount += p.Keep[(m * p.Examples) + n] ? 1 : 0;
            }

            if (inCount < 2 || p.Models - inCount < 2)
            {
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Population '{p.Name}': example {n} is IN for {inCount} of {p.Models} models, so some target would have no IN or no OUT shadow; leave-one-out attacks need every example IN for ≥ 2 and OUT for ≥ 2 models (train ≥ 4 models with a balanced keep matrix)."));
            }
        }
    }

    /// <summary>Every model, as a target, has at least one member and one non-member (needed for per-target metrics).</summary>
    public static void RequireMembersAndNonMembersPerModel(Population population)
    {
        RequireWellFormed(population);
        var p = population;
        for (var m = 0; m < p.Models; m++)
        {
            var members = p.Keep.AsSpan(m * p.Examples, p.Examples).Count(true);
            if (members == 0 || members == p.Examples)
            {
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Population '{p.Name}': model {m} trained on {members} of {p.Examples} examples; each model needs members and non-members (use a balanced keep matrix)."));
            }
        }
    }
}
