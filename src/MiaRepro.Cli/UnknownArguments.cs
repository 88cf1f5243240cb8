using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>
/// Spectre.Console.Cli keeps options it does not know as "remaining" arguments instead of failing; a misspelt
/// option (<c>--modles 4</c>) must not silently start a full run with the defaults.
/// </summary>
public static class UnknownArguments
{
    public static void Reject(CommandContext context)
    {
        var unknown = context.Remaining.Parsed.Select(p => p.Key).Concat(context.Remaining.Raw).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new InputException(
                $"Unknown argument(s): {string.Join(" ", unknown)}. Run 'miarepro {CommandPath(context)} --help' for the options.");
        }
    }

    /// <summary>The command as typed up to its name: <c>bench train</c> for a branch's command, not <c>train</c>.</summary>
    private static string CommandPath(CommandContext context)
    {
        var args = context.Arguments;
        var index = args.ToList().IndexOf(context.Name);
        return index > 0 && args.Take(index).All(a => !a.StartsWith('-')) ? string.Join(" ", args.Take(index + 1)) : context.Name;
    }
}
