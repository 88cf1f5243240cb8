using System.Diagnostics;
using FluentAssertions;
using MiaRepro.Tests.Data;

namespace MiaRepro.Tests.Cli;

/// <summary>
/// Kills the real command line (SIGKILL, as <c>kill -9</c>) exactly inside its write windows, which
/// <see cref="FaultPoint"/> makes reachable on purpose, and checks what a user finds afterwards: no stored model and no
/// output folder that looks complete but is not, and a next run that cleans up and succeeds.
/// </summary>
public sealed class FaultInjectionTests
{
    private const int Models = 4;

    private static string Data(TempFolder temp)
    {
        var data = Path.Combine(temp.Path, "data");
        var labels = Enumerable.Range(0, 1300).Select(i => (byte)((i * 7 + i / 13) % 10)).ToArray();
        DataFiles.WriteIdxSplit(data, "train", labels, 28, 28, gzip: false, seed: 3);
        DataFiles.WriteIdxSplit(data, "t10k", labels[..100], 28, 28, gzip: false, seed: 4);
        return data;
    }

    private static string[] Args(string data, string store, string outDir, int seed) =>
    [
        "reproduce", "--data-dir", data, "--recipes", "baseline", "--models", $"{Models}", "--population", "200",
        "--epochs", "1", "--threads", "1", "--seed", $"{seed}", "--store", store, "--out", outDir,
    ];

    /// <summary>Starts the command paused at <paramref name="point"/>, waits until it is there, and kills it.</summary>
    private static void KillAt(string point, string[] args, string signal)
    {
        var info = CliProcess.Command(args);
        info.Environment[FaultPoint.PauseVariable] = point;
        info.Environment[FaultPoint.SignalVariable] = signal;
        using var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (!File.Exists(signal) && !process.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        process.HasExited.Should().BeFalse($"the run must be paused at {point} when it is killed");
        File.Exists(signal).Should().BeTrue($"the run reaches {point}");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        File.Delete(signal);
    }

    private static string[] Siblings(string outDir) =>
        [.. Directory.EnumerateDirectories(Path.GetDirectoryName(outDir)!).Select(d => Path.GetFileName(d)!)
            .Where(n => n.StartsWith(Path.GetFileName(outDir) + ".", StringComparison.Ordinal)).Order()];

    [Fact]
    public void A_kill_inside_a_store_write_leaves_no_model_and_the_next_run_trains_it_and_clears_the_leftover()
    {
        // Given a run killed while it writes its first model into the store
        using var temp = new TempFolder();
        var (data, store, outDir) = (Data(temp), Path.Combine(temp.Path, "store"), Path.Combine(temp.Path, "out"));
        KillAt(FaultPoint.StoreWrite, Args(data, store, outDir, seed: 5), Path.Combine(temp.Path, "signal"));

        // Then the store holds no model, only the half-written one's staging folder, and there are no outputs
        Directory.EnumerateFiles(Path.Combine(store, "models"), "model.json", SearchOption.AllDirectories).Should().BeEmpty();
        var leftover = Directory.GetDirectories(Path.Combine(store, "tmp")).Should().ContainSingle().Subject;
        Directory.GetFiles(leftover).Select(Path.GetFileName).Should().BeEquivalentTo("logits.npy", "weights.bin", MiaRepro.IO.OwnedFolder.StagingFile);
        Directory.Exists(outDir).Should().BeFalse();

        // When the run is started again, and once more
        var again = CliProcess.Run(Args(data, store, outDir, seed: 5));
        var third = CliProcess.Run(Args(data, store, outDir, seed: 5));

        // Then the second run trained every model (the half-written one was not taken for a model) and cleared the leftover,
        // and the third reused them all
        again.Should().Contain($"baseline {Models} trained, 0 reused");
        Directory.GetDirectories(Path.Combine(store, "tmp")).Should().BeEmpty();
        third.Should().Contain($"baseline 0 trained, {Models} reused");
        CliProcess.Results(outDir)["seed"]!.GetValue<long>().Should().Be(5);
    }

    [Fact]
    public void A_kill_while_outputs_are_written_or_swapped_never_leaves_a_complete_looking_mix_and_the_next_run_cleans_up()
    {
        // Given a finished run at seed 5
        using var temp = new TempFolder();
        var (data, store, outDir) = (Data(temp), Path.Combine(temp.Path, "store"), Path.Combine(temp.Path, "out"));
        var signal = Path.Combine(temp.Path, "signal");
        CliProcess.Run(Args(data, store, outDir, seed: 5));
        var first = CliProcess.ScrubbedResults(outDir);
        var firstScores = File.ReadAllBytes(Path.Combine(outDir, "populations", "baseline", "scores.npy"));

        // When a run at seed 6 into the same folder is killed after writing its report, before its results.json
        KillAt(FaultPoint.OutputWrite, Args(data, store, outDir, seed: 6), signal);

        // Then the folder still holds the seed-5 run, whole, and the half-written outputs lie beside it
        CliProcess.ScrubbedResults(outDir).Should().Be(first);
        File.ReadAllBytes(Path.Combine(outDir, "populations", "baseline", "scores.npy")).Should().Equal(firstScores);
        var staging = Siblings(outDir).Should().ContainSingle().Subject;
        staging.Should().StartWith("out.staging-");
        File.Exists(Path.Combine(temp.Path, staging, "report.md")).Should().BeTrue();
        File.Exists(Path.Combine(temp.Path, staging, "results.json")).Should().BeFalse();

        // When the next run is killed while swapping its outputs in (the old folder moved aside, the new one not in place)
        KillAt(FaultPoint.OutputSwap, Args(data, store, outDir, seed: 6), signal);

        // Then there is no output folder at all rather than a mix; the earlier leftover is gone
        Directory.Exists(outDir).Should().BeFalse();
        Siblings(outDir).Should().HaveCount(2).And.Satisfy(s => s.StartsWith("out.old-"), s => s.StartsWith("out.staging-"));

        // When the run is started once more
        CliProcess.Run(Args(data, store, outDir, seed: 6));

        // Then the folder holds the seed-6 run and nothing is left beside it
        CliProcess.Results(outDir)["seed"]!.GetValue<long>().Should().Be(6);
        Siblings(outDir).Should().BeEmpty();
    }
}
