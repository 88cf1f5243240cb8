using MiaRepro.Claims;
using MiaRepro.Recipes;
using MiaRepro.Reports;
using MiaRepro.Runs;

[assembly: AssemblyFixture(typeof(MiaRepro.Experiments.SmokeReproduction))]

namespace MiaRepro.Experiments;

/// <summary>
/// Trains the smoke scale's recipes once per test run (every claim shares it), attacks them and decides the
/// claims, exactly as <c>miarepro reproduce</c> does at its defaults. The outputs are kept under
/// <c>artifacts/experiments/smoke</c> for inspection.
/// </summary>
public sealed class SmokeReproduction
{
    private readonly Lazy<ReproductionResult> _result;

    public SmokeReproduction()
    {
        OutDir = Path.Combine(RepositoryRoot(), "artifacts", "experiments", "smoke");
        Settings = new RunSettings(
            ScaleProfile.Smoke,
            ScaleProfile.Smoke.Dataset,
            DataDir: null,
            Device: "cpu",
            Recipes: ScaleProfile.Smoke.Recipes,
            Seed: 0,
            Out: OutDir,
            Threads: Environment.ProcessorCount);
        _result = new Lazy<ReproductionResult>(() =>
        {
            var result = Reproduction.Run(Settings);
            OutputWriter.Write(result, OutDir);
            return result;
        });
    }

    public RunSettings Settings { get; }

    public string OutDir { get; }

    public ReproductionResult Result => _result.Value;

    public ClaimResult Claim(string id) => Result.Claims.Single(c => c.Id == id);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiaRepro.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
