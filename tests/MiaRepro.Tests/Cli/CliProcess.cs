using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace MiaRepro.Tests.Cli;

/// <summary>
/// Runs the real command line as a child process (<c>dotnet MiaRepro.Cli.dll …</c>): its own torch threads and
/// console, so runs that must repeat bit for bit are not disturbed by tests running beside them.
/// </summary>
internal static class CliProcess
{
    /// <summary>
    /// A command that starts child processes under another program, e.g. <c>qemu-x86_64 -cpu Haswell-v4</c>: how
    /// <c>scripts/cross-cpu-check.sh</c> runs the portable-kernels tripwire on emulated CPUs of other vendors.
    /// </summary>
    public const string LauncherVariable = "MIAREPRO_TEST_LAUNCHER";

    public static ProcessStartInfo Command(IEnumerable<string> args)
    {
        var launcher = (Environment.GetEnvironmentVariable(LauncherVariable) ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var info = new ProcessStartInfo(launcher.Length > 0 ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (launcher.Length > 0)
        {
            foreach (var part in launcher.Skip(1))
            {
                info.ArgumentList.Add(part);
            }

            info.ArgumentList.Add(DotNetHost());
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MiaRepro.Cli.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    /// <summary>The full path of the <c>dotnet</c> host on PATH (a launcher runs a program by path, not by name).</summary>
    private static string DotNetHost() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "dotnet"))
            .FirstOrDefault(File.Exists) ?? "dotnet";

    /// <summary>Starts the command and drains its output in the background (for a run that is killed).</summary>
    public static Process Start(IEnumerable<string> args)
    {
        var process = Process.Start(Command(args))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs the command to its end: exit code, stdout and stderr.</summary>
    public static (int Code, string Output, string Error) Exec(IEnumerable<string> args) => Exec(Command(args));

    /// <summary>Runs a command made by <see cref="Command"/> (its environment perhaps changed) to its end.</summary>
    public static (int Code, string Output, string Error) Exec(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>
    /// Runs the command to its end and samples its peak resident set (Linux's VmHWM, a high-water mark) every 10 ms
    /// while it runs: an allocation of a gigabyte takes far longer than that to touch, so none is missed.
    /// </summary>
    public static (int Code, string Output, string Error, long PeakBytes) ExecMeasured(IEnumerable<string> args)
    {
        using var process = Process.Start(Command(args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        do
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }
        while (!process.WaitForExit(10));

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result, peak);
    }

    /// <summary>The process's peak resident set in bytes so far (0 once it has exited, or off Linux).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Runs the command, which must succeed, and returns its stdout.</summary>
    public static string Run(IEnumerable<string> args)
    {
        var (code, output, error) = Exec(args);
        code.Should().Be(0, $"the run succeeds: {output}{error}");
        return output;
    }

    /// <summary><c>results.json</c> under <paramref name="outDir"/>.</summary>
    public static JsonObject Results(string outDir) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")))!.AsObject();

    /// <summary><c>results.json</c> under <paramref name="outDir"/> without what legitimately varies between runs: wall-clock seconds.</summary>
    public static string ScrubbedResults(string outDir)
    {
        var json = Results(outDir);
        json.Remove("stage_seconds");
        foreach (var recipe in json["recipes"]!.AsObject())
        {
            foreach (var model in recipe.Value!["models"]!.AsArray().Concat(recipe.Value["twins"]?.AsArray() ?? []))
            {
                model!.AsObject().Remove("seconds");
            }
        }

        return json.ToJsonString();
    }
}
