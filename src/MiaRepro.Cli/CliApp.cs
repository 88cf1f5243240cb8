using Spectre.Console;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The <c>miarepro</c> command line: commands, and exceptions mapped to exit codes.</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes: keep table rows on one line instead of Spectre's 80-column default.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
        }

        if (MissingSubcommand(args) is { } branch)
        {
            // Spectre prints the branch's help and exits 1 for "bench" alone; that is bad usage, which exits 2.
            return ExitCodes.Report(new InputException(
                $"'{branch}' needs a subcommand: miarepro {branch} train or miarepro {branch} attack (miarepro {branch} --help lists them)."));
        }

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("miarepro");
            config.AddCommand<ReproduceCommand>("reproduce")
                .WithDescription("Train every recipe's population, run every attack, decide the claims, write results.json and report.md.")
                .WithExample("reproduce", "--models", "4", "--population", "1000", "--epochs", "3");
            config.AddCommand<StabilityCommand>("stability")
                .WithDescription("Reproduce at several master seeds (reproduce's options, --seeds LIST) and show, per claim, each seed's effect, interval and verdict and how many seeds differ: stability.md, stability.json.")
                .WithExample("stability", "--seeds", "101,102,103,104,105", "--out", "stability");
            config.AddCommand<CoverageCommand>("coverage")
                .WithDescription("Measure, out of sample, the coverage of the claims scale's intervals: every subset of R populations' interval against the other populations' estimate, per claim part (runs of one design not used to design it): coverage.md, coverage.json.")
                .WithExample("coverage", "docs/stability/claims-portable-seed-4101", "docs/stability/smoke-portable-v4", "--out", "coverage");
            config.AddCommand<SweepCommand>("sweep")
                .WithDescription("Train shard i of n of a run's models (reproduce's options, --shard i/n with i from 1, --out DIR): models into DIR/store, the manifest DIR/shard.json.")
                .WithExample("sweep", "--scale", "paper", "--device", "cuda", "--shard", "1/16", "--out", "shard-1");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Combine every shard of a sweep (trains nothing), run every attack, decide the claims, write what reproduce writes.")
                .WithExample("merge", "--out", "merged", "shard-1", "shard-2");
            config.AddCommand<AuditCommand>("audit")
                .WithDescription("Audit your own recipe: train the baseline and it (--recipe-file FILE or --recipes NAME) on your data (--dataset, --data-dir), and report its reduction factor and accuracy cost with intervals, a verdict, the empirical ε and the examples that leak: audit.md, audit.json, leaking/, run/.")
                .WithExample("audit", "--recipe-file", "mine.json", "--out", "audit");
            config.AddCommand<AttackCommand>("attack")
                .WithDescription("Attack one existing population folder (keep.npy, scores.npy, labels.npy, optional logits.npy and models.json); write results.json and report.md.")
                .WithExample("attack", "--population-dir", "out/populations/baseline", "--out", "attacked");
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Measure throughput: training (images/s, models/hour) or attack scoring (seconds per attack).");
                bench.AddCommand<BenchTrainCommand>("train")
                    .WithDescription("Train a few models of each recipe at the scale's settings and report images/s and models/hour.");
                bench.AddCommand<BenchAttackCommand>("attack")
                    .WithDescription("Run every attack on a synthetic population (default 256 models × 50,000 examples × 2 queries) and report seconds per attack.");
            });
            config.AddCommand<RecipesCommand>("recipes")
                .WithDescription("List the built-in recipes with their full settings at a scale, or write any of them as a recipe file to start from (--write NAME --out FILE); a run adds a file's recipes with --recipe-file FILE.")
                .WithExample("recipes", "--write", "crop-flip", "--out", "my-recipe.json");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write a population folder in another tool's layout. lira-reference: experiment-i/keep.npy bool [[N]], experiment-i/scores/0000000100.npy float64 [[N, Q]] (φ), experiment-i/logits/0000000100.npy float32 [[N, 1, Q, C]] when the folder has logits, and y_train.npy.")
                .WithExample("export", "--population-dir", "out/populations/baseline", "--format", "lira-reference", "--out", "lira");
            config.SetExceptionHandler((exception, _) => ExitCodes.Report(exception, args));
        });
        return app.Run(args);
    }

    /// <summary>The branch named without one of its subcommands (and without --help), or null.</summary>
    private static string? MissingSubcommand(string[] args) =>
        args.Length >= 1 && args[0] == "bench" && (args.Length == 1 || (args[1].StartsWith('-') && args[1] is not "-h" and not "--help"))
            ? args[0]
            : null;
}
