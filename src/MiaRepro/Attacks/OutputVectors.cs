using System.Globalization;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>The whole output vectors (logits) of a population, for the attacks that need more than φ.</summary>
internal static class OutputVectors
{
    public const string MissingReason = "needs logits.npy (full output vectors); this population has only φ (scores.npy)";

    /// <summary>Why the population cannot feed a logits attack, or null when it can.</summary>
    public static string? Missing(Population population) =>
        population.Logits is null || population.Classes < 2 ? MissingReason : null;

    /// <summary>Well formed, with finite logits of shape [Models, Examples, Queries, Classes] and labels among the classes.</summary>
    /// <exception cref="InputException">Any of these fails.</exception>
    public static void Require(Population population)
    {
        PopulationValidation.RequireWellFormed(population);
        var p = population;
        if (Missing(p) is { } reason)
        {
            throw new InputException($"Population '{p.Name}': this attack {reason}.");
        }

        var logits = p.Logits!;
        if (logits.Length != p.Scores.Length * (long)p.Classes)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture,
                $"Population '{p.Name}': expected logits [{p.Models}, {p.Examples}, {p.Queries}, {p.Classes}], got {logits.Length} values; rewrite logits.npy with that shape."));
        }

        var bad = Array.FindIndex(logits, z => !float.IsFinite(z));
        if (bad >= 0)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture,
                $"Population '{p.Name}': logit {bad} (model {bad / p.Classes / p.Queries / p.Examples}) is {logits[bad]}; logits must be finite."));
        }

        var label = Array.FindIndex(p.Labels, y => y < 0 || y >= p.Classes);
        if (label >= 0)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture,
                $"Population '{p.Name}': example {label} has label {p.Labels[label]}, outside the {p.Classes} classes of logits.npy."));
        }
    }

    /// <summary>The output vector of (model, example, query).</summary>
    public static ReadOnlySpan<float> Of(Population population, int model, int example, int query)
    {
        var row = ((((long)model * population.Examples) + example) * population.Queries) + query;
        return population.Logits.AsSpan(checked((int)(row * population.Classes)), population.Classes);
    }
}
