using MiaRepro.Attacks;

namespace MiaRepro.Claims;

/// <summary>
/// The claims decided again from another attack than the registered one — the same recipes, thresholds and
/// bootstrap draws — so a reader sees whether a verdict rests on an implementation choice (a LiRA convention, or
/// RMIA instead of LiRA). Only the claims that use an attack (<see cref="IClaim.Attack"/>) are decided again.
/// </summary>
/// <param name="Attack">The attack the claims were decided from, e.g. <c>lira-online-global-reference</c>.</param>
/// <param name="Convention">Whose conventions it follows, in words (<c>miarepro</c>, <c>reference</c>, <c>leakpro</c>, <c>rmia</c>).</param>
/// <param name="Registered">Whether this is the attack the claims are registered with (the verdicts of the run).</param>
public sealed record ClaimSensitivity(string Attack, string Convention, bool Registered, IReadOnlyList<ClaimResult> Claims)
{
    /// <summary>The other attack besides LiRA's conventions: online RMIA (Zarifzadeh et al. 2024).</summary>
    public const string Rmia = "rmia-online";

    /// <summary>
    /// The attacks of the sensitivity table at a scale whose claims use <paramref name="registered"/>: that attack, the
    /// same LiRA variant under each other convention that differs from it (<c>-reference</c>; <c>-leakpro</c>, whose
    /// per-example variants equal MiaRepro's), and <see cref="Rmia"/>.
    /// </summary>
    public static IReadOnlyList<(string Attack, string Convention)> Attacks(string registered, IReadOnlyCollection<string> catalog)
    {
        var rows = new List<(string, string)> { (registered, ConventionOf(registered)) };
        foreach (var convention in LiraConvention.All)
        {
            var name = registered + convention.Suffix;
            if (convention.Suffix.Length > 0 && catalog.Contains(name))
            {
                rows.Add((name, convention.Name));
            }
        }

        if (registered != Rmia && catalog.Contains(Rmia))
        {
            rows.Add((Rmia, "rmia"));
        }

        return rows;
    }

    /// <summary>Whose conventions an attack follows: the LiRA convention its name ends with, else its own name.</summary>
    public static string ConventionOf(string attack) =>
        LiraConvention.All.Where(c => c.Suffix.Length > 0).FirstOrDefault(c => attack.EndsWith(c.Suffix, StringComparison.Ordinal))?.Name
        ?? (attack.StartsWith("lira-", StringComparison.Ordinal) ? LiraConvention.MiaRepro.Name : attack.StartsWith("rmia", StringComparison.Ordinal) ? "rmia" : attack);
}
