using Spectre.Console;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>0 ran; 1 the run failed; 2 bad usage or bad input (the message names the input and the fix).</summary>
public static class ExitCodes
{
    public const int Ran = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Report(Exception exception)
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            // Logs and pipes: one line per message, so that long paths in it stay whole (Spectre wraps at 80 columns).
            error.Profile.Width = 100_000;
        }

        switch (exception)
        {
            case InputException or CommandAppException:
                error.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return BadInput;
            default:
                error.MarkupLine($"[red]the run failed:[/] {Markup.Escape(exception.ToString())}");
                return Failed;
        }
    }
}
