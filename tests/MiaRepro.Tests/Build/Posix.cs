using System.Diagnostics;
using System.Globalization;

namespace MiaRepro.Tests.Build;

/// <summary>The few POSIX file facts .NET has no API for, asked of coreutils.</summary>
internal static class Posix
{
    public static long Inode(string path) =>
        long.Parse(Run("stat", "-L", "-c", "%i", path), CultureInfo.InvariantCulture);

    public static void HardLink(string existing, string link) => Run("ln", existing, link);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
    }
}
