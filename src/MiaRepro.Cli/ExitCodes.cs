using Spectre.Console;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>0 ran; 1 the run failed; 2 bad usage or bad input (the message names the input and the fix).</summary>
public static class ExitCodes
{
    public const int Ran = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Report(Exception exception) => Report(exception, []);

    /// <summary>Prints each of a validator's <paramref name="problems"/> under its flag and returns <see cref="BadInput"/>.</summary>
    public static int Report(IReadOnlyList<SettingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var error = ErrorConsole();
        foreach (var problem in problems)
        {
            error.MarkupLine($"[red]error:[/] {Markup.Escape(SettingFlags.Describe(problem))}");
        }

        return BadInput;
    }

    /// <param name="args">The command line, to name the option whose value could not be converted.</param>
    public static int Report(Exception exception, IReadOnlyList<string> args)
    {
        var error = ErrorConsole();
        switch (exception)
        {
            case InputException { Problems.Count: > 0 } input:
                return Report(input.Problems);
            case InputException or CommandAppException:
                error.MarkupLine($"[red]error:[/] {Markup.Escape(Unconvertible(exception.Message, args) ?? exception.Message)}");
                return BadInput;
            default:
                error.MarkupLine($"[red]the run failed:[/] {Markup.Escape(exception.ToString())}");
                return Failed;
        }
    }

    private static IAnsiConsole ErrorConsole()
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            // Logs and pipes: one line per message, so that long paths in it stay whole (Spectre wraps at 80 columns).
            error.Profile.Width = 100_000;
        }

        return error;
    }

    /// <summary>
    /// Spectre's "Failed to convert 'abc' to Nullable`1." names neither the option nor the form it takes: this names
    /// both (a whole number, or a real one for options such as <c>--delta</c>), or returns null for any other message.
    /// </summary>
    public static string? Unconvertible(string message, IReadOnlyList<string> args)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Failed to convert '(?<value>.*)' to ");
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["value"].Value;
        var option = Enumerable.Range(0, args.Count)
            .Select(i => args[i].StartsWith("--", StringComparison.Ordinal) && args[i].EndsWith("=" + value, StringComparison.Ordinal)
                ? args[i][..args[i].IndexOf('=', StringComparison.Ordinal)]
                : i + 1 < args.Count && args[i + 1] == value && args[i].StartsWith("--", StringComparison.Ordinal) ? args[i] : null)
            .FirstOrDefault(o => o is not null);
        if (option is null)
        {
            return $"'{value}' is not a number of the form the option it was given to takes (see --help).";
        }

        return TakesFraction(option)
            ? $"{option} {value}: {option} takes a number, e.g. {option} 1e-5 (see --help)."
            : $"{option} {value}: {option} takes a whole number, e.g. {option} 16 (see --help).";
    }

    /// <summary>Whether an option of this command line (e.g. <c>--delta</c>) takes a real number rather than a whole one.</summary>
    private static bool TakesFraction(string option) =>
        typeof(ExitCodes).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Spectre.Console.Cli.CommandSettings)))
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttributes(typeof(Spectre.Console.Cli.CommandOptionAttribute), inherit: true)
                .OfType<Spectre.Console.Cli.CommandOptionAttribute>().Any(a => a.LongNames.Any(n => "--" + n == option)))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Any(t => t == typeof(double) || t == typeof(float) || t == typeof(decimal));
}
