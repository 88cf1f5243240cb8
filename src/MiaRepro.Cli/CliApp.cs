using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The <c>miarepro</c> command line: commands, and exceptions mapped to exit codes.</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("miarepro");
            config.AddCommand<ReproduceCommand>("reproduce")
                .WithDescription("Train every recipe's population, run every attack, decide the claims, write results.json and report.md.")
                .WithExample("reproduce", "--models", "4", "--population", "1000", "--epochs", "3");
            config.SetExceptionHandler((exception, _) => ExitCodes.Report(exception));
        });
        return app.Run(args);
    }
}
