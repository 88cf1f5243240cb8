using FluentAssertions;
using MiaRepro.Tests.Cli;
using MiaRepro.Tests.Data;

namespace MiaRepro.Tests.Store;

/// <summary>
/// Runs the real command line as a child process, kills it while it trains a population, runs it again with the
/// same store, and compares with an uninterrupted run: finished models are not trained again and the results
/// are the same.
/// </summary>
public sealed class KillAndResumeTests
{
    private const int Models = 8;

    [Fact]
    public void A_run_killed_mid_population_resumes_from_the_store_and_matches_an_uninterrupted_run()
    {
        // Given a small dataset and a store
        using var temp = new TempFolder();
        var data = DataFiles.WriteSmallIdxDataset(Path.Combine(temp.Path, "data"), seed: 3);
        var store = Path.Combine(temp.Path, "store");
        string[] Args(string outDir, params string[] extra) =>
        [
            "reproduce", "--data-dir", data, "--recipes", "baseline", "--models", $"{Models}", "--population", "400",
            "--epochs", "12", "--threads", "1", "--seed", "5", "--out", Path.Combine(temp.Path, outDir), .. extra,
        ];

        // When a run is killed once two models are stored
        using (var killed = CliProcess.Start(Args("killed", "--store", store)))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (StoredModels(store) < 2 && !killed.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            killed.HasExited.Should().BeFalse("the run must still be training when it is killed");
            killed.Kill(entireProcessTree: true);
            killed.WaitForExit();
        }

        var storedAtKill = StoredModels(store);
        storedAtKill.Should().BeInRange(2, Models - 1);
        File.Exists(Path.Combine(temp.Path, "killed", "results.json")).Should().BeFalse();

        // and run again, and once more without a store
        var resumed = CliProcess.Run(Args("resumed", "--store", store));
        var fresh = CliProcess.Run(Args("fresh", "--no-store"));

        // Then the second run trained only the missing models, and its results equal the uninterrupted run's
        resumed.Should().Contain($"baseline {Models - storedAtKill} trained, {storedAtKill} reused");
        fresh.Should().Contain("Store: none");
        CliProcess.ScrubbedResults(Path.Combine(temp.Path, "resumed")).Should().Be(CliProcess.ScrubbedResults(Path.Combine(temp.Path, "fresh")));
        File.ReadAllBytes(Path.Combine(temp.Path, "resumed", "populations", "baseline", "scores.npy"))
            .Should().Equal(File.ReadAllBytes(Path.Combine(temp.Path, "fresh", "populations", "baseline", "scores.npy")));

        // and a third run trains nothing
        CliProcess.Run(Args("again", "--store", store)).Should().Contain($"baseline 0 trained, {Models} reused");
    }

    private static int StoredModels(string store)
    {
        var models = Path.Combine(store, "models");
        return Directory.Exists(models)
            ? Directory.EnumerateFiles(models, "model.json", SearchOption.AllDirectories).Count()
            : 0;
    }
}
