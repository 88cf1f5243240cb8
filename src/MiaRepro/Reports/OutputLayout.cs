using System.Text.RegularExpressions;

namespace MiaRepro.Reports;

/// <summary>
/// One kind of output folder: its name (the kind its seal records, <see cref="IO.OwnedFolder"/>) and which names it
/// holds. Whether a folder may be replaced is decided by its seal, not by these names: a folder of the user's that
/// happens to hold a <c>report.md</c> is still the user's.
/// </summary>
/// <param name="Owns">Whether an entry's name (file or folder, directly in the output folder) is one of these outputs.</param>
public sealed partial record OutputLayout(string Name, Func<string, bool> Owns)
{
    /// <summary><c>reproduce</c>, <c>attack</c> and <c>merge</c>: results.json, report.md, plots/ and populations/.</summary>
    public static OutputLayout Run { get; } = new("run", n => n is "results.json" or "report.md" or "plots" or "populations");

    /// <summary><c>stability</c>: stability.md, stability.json and one seed-S/ folder per master seed.</summary>
    public static OutputLayout Stability { get; } = new("stability", n => n is "stability.md" or "stability.json" || SeedFolder().IsMatch(n));

    /// <summary><c>reproduce</c> at a replicated scale: claims.md, claims.json and one replicate-r/ folder per replicate.</summary>
    public static OutputLayout Replicated { get; } = new("replicated run", n => n is "claims.md" or "claims.json" || ReplicateFolder().IsMatch(n));

    /// <summary><c>coverage</c>: coverage.md and coverage.json.</summary>
    public static OutputLayout Coverage { get; } = new("coverage", n => n is "coverage.md" or "coverage.json");

    /// <summary><c>audit</c>: audit.md, audit.json, leaking/ (the examples that leak) and run/ (the reproduction's outputs).</summary>
    public static OutputLayout Audit { get; } = new("audit", n => n is "audit.md" or "audit.json" or "leaking" or "run");

    /// <summary><c>export --format lira-reference</c>: y_train.npy and one experiment-N/ folder per model.</summary>
    public static OutputLayout LiraReference { get; } = new("lira-reference", n => n == "y_train.npy" || ExperimentFolder().IsMatch(n));

    [GeneratedRegex(@"\Aseed-[0-9]+\z")]
    private static partial Regex SeedFolder();

    [GeneratedRegex(@"\Areplicate-[0-9]+\z")]
    private static partial Regex ReplicateFolder();

    [GeneratedRegex(@"\Aexperiment-[0-9]+\z")]
    private static partial Regex ExperimentFolder();
}
