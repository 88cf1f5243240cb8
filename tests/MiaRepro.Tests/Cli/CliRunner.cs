using MiaRepro.Cli;

namespace MiaRepro.Tests.Cli;

/// <summary>Runs the command line in-process and captures what it writes to stderr.</summary>
internal static class CliRunner
{
    public static (int Code, string Error) Run(params string[] args)
    {
        // Only stderr: AnsiConsole.Console binds stdout once per process, so a redirected (then disposed) stdout would break later tests.
        var previousError = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (CliApp.Run(args), error.ToString());
        }
        finally
        {
            Console.SetError(previousError);
        }
    }
}
