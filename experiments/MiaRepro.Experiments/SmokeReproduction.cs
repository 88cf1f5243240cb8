using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Recipes;
using MiaRepro.Registration;
using MiaRepro.Reports;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Testing.Baselines;
using MiaRepro.Training;

[assembly: AssemblyFixture(typeof(MiaRepro.Experiments.SmokeReproduction))]

namespace MiaRepro.Experiments;

/// <summary>
/// Trains the smoke scale's recipes once per test run (every claim shares it), attacks them and decides the
/// claims, exactly as <c>miarepro reproduce</c> does at its defaults. The outputs are kept under
/// <c>artifacts/experiments/smoke</c> for inspection, and the trained models in the model store
/// <c>artifacts/experiments/store</c>, so a second test run on the same checkout reuses them (results never depend
/// on it; a fresh clone trains everything).
/// </summary>
public sealed class SmokeReproduction
{
    private readonly Lazy<ReproductionResult> _result;

    public SmokeReproduction()
    {
        Settings = SettingsAt(0);
        OutDir = Settings.Out;
        _result = new Lazy<ReproductionResult>(() =>
        {
            var result = Reproduction.Run(Settings);
            OutputWriter.Write(result, OutDir);
            return result;
        });
    }

    /// <summary>The smoke run's settings at master seed <paramref name="seed"/> (the claims' run is seed 0).</summary>
    public static RunSettings SettingsAt(long seed) => new(
        ScaleProfile.Smoke,
        ScaleProfile.Smoke.Dataset,
        DataDir: null,
        Device: "cpu",
        Recipes: ScaleProfile.Smoke.Recipes,
        Seed: seed,
        Out: Path.Combine(RepositoryRoot(), "artifacts", "experiments", seed == 0 ? "smoke" : $"smoke-seed-{seed}"),
        Threads: Threads,
        Store: Path.Combine(RepositoryRoot(), "artifacts", "experiments", "store"),
        CpuKernels: CpuKernels.Resolve(null));

    /// <summary>
    /// Models trained side by side in the smoke run: 2, as on CI, whatever the machine. Each model trains on one torch
    /// thread, so the models, and the numbers compared with the baselines, do not depend on it.
    /// </summary>
    public const int Threads = 2;

    public RunSettings Settings { get; }

    public string OutDir { get; }

    public ReproductionResult Result => _result.Value;

    public ClaimResult Claim(string id) => Result.Claims.Single(c => c.Id == id);

    /// <summary>
    /// What a claim test concludes from the verdict: supported passes; refuted fails; inconclusive — the data at this
    /// scale decide neither way — skips the test with the verdict's reason, so the run shows it as skipped (never
    /// passed). The verdict itself is snapshotted in the claim's baseline, so a claim that moves from supported to
    /// inconclusive also fails <c>Key_numbers_match_the_baseline</c>.
    /// </summary>
    public static void RequireSupported(ClaimResult claim)
    {
        claim.Verdict.Should().NotBe(Verdict.Refuted, claim.Reason);
        if (claim.Verdict == Verdict.Inconclusive)
        {
            Assert.Skip($"{claim.Id} is inconclusive at smoke scale: {claim.Measure} = {claim.Effect:0.###}, {claim.Reason}");
        }
    }

    /// <summary>The claim's numbers in one line, for the test output.</summary>
    public static string Describe(ClaimResult claim) =>
        $"{claim.Id} {claim.Measure}: {claim.Effect:0.###}, 95% CI [{claim.Ci95?[0]:0.###}, {claim.Ci95?[1]:0.###}], " +
        $"threshold {claim.Threshold} → {claim.Verdict}: {claim.Reason}";

    /// <summary>Writes each part of <paramref name="claim"/> and the claim's numbers to the test output.</summary>
    public static void WriteParts(ClaimResult claim, ITestOutputHelper output)
    {
        foreach (var part in claim.Parts)
        {
            output.WriteLine($"{part.Name}: {part.Measure} = {part.Effect:0.###} [{part.Ci95?[0]:0.###}, {part.Ci95?[1]:0.###}] threshold {part.Threshold?.ToString() ?? "reported"} → {part.Verdict?.Text() ?? "—"}");
        }

        output.WriteLine(Describe(claim));
    }

    /// <summary>The committed baselines' folder, <c>baselines/</c>.</summary>
    public static string BaselinesRoot => Path.Combine(RepositoryRoot(), "baselines");

    /// <summary>
    /// The committed baselines of the device and CPU kernels the smoke run used: <c>baselines/cpu-portable</c>, compared
    /// exactly (the portable kernels repeat bit for bit on every CPU); <c>baselines/cpu-native</c> or <c>baselines/cuda</c>,
    /// compared within the spread measured across seeds (<c>baselines/spread.json</c>).
    /// </summary>
    public BaselineFolder Baselines
    {
        get
        {
            var device = BaselineFolder.DeviceFolder(Result.Device, Result.Kernels.Mode);
            var rule = device == BaselineFolder.DeviceFolder("cpu", CpuKernels.Portable)
                ? BaselineRule.Exact
                : BaselineRule.Measured(BaselineSpread.Load(Path.Combine(BaselinesRoot, BaselineSpread.FileName)));
            return new BaselineFolder(BaselinesRoot, device, rule);
        }
    }

    /// <summary>
    /// Checks claim <paramref name="id"/>'s key numbers (<see cref="KeyNumbers"/>) against the baseline named
    /// <c>{test class}.{test method}</c>.
    /// </summary>
    public BaselineCheck CheckBaseline(string testClass, string testMethod, string id) =>
        Baselines.Check($"{testClass}.{testMethod}", KeyNumbers(Result, id), BaselineFolder.AcceptFromEnvironment);

    /// <summary>
    /// Claim <paramref name="id"/>'s key numbers in <paramref name="result"/>: the verdict, the effect and its interval,
    /// the pre-registration's SHA-256, the parts of a claim decided from several measures,
    /// and for every recipe the claim needs, the accuracies, the mean stop epoch, every attack's AUC, and the TPR at
    /// 0.1% FPR of LiRA and LOSS; and the claim's verdict, effect and interval under each other attack of the
    /// sensitivity table.
    /// </summary>
    public static Snapshot KeyNumbers(ReproductionResult result, string id)
    {
        var claim = result.Claims.Single(c => c.Id == id);
        var numbers = new Dictionary<string, double?>
        {
            ["effect"] = claim.Effect,
            ["ci95_lower"] = claim.Ci95?[0],
            ["ci95_upper"] = claim.Ci95?[1],
        };
        var scale = result.Settings.Scale;
        var recipes = ClaimCatalog.For(scale).Single(c => c.Id == id).Recipes;
        foreach (var name in recipes)
        {
            var outcome = result.Recipes[name];
            numbers[$"{name}.train_accuracy"] = outcome.Trained.TrainAccuracy;
            numbers[$"{name}.test_accuracy"] = outcome.Trained.TestAccuracy;
            if (outcome.Trained.Recipe.EarlyStopping is not null)
            {
                numbers[$"{name}.stop_epoch"] = outcome.Trained.Models.Average(m => m.StopEpoch);
            }

            foreach (var (attack, attacked) in outcome.Attacks)
            {
                numbers[$"{name}.{attack}.auc"] = attacked.Pooled.Auc;
                if (attack == scale.LiraAttack || attack == "loss")
                {
                    numbers[$"{name}.{attack}.tpr_at_fpr_1e-3"] = LowFpr.Tpr(attacked.Pooled);
                }
            }
        }

        var texts = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("verdict", claim.Verdict.ToString().ToLowerInvariant()),
            KeyValuePair.Create("preregistration_sha256", Preregistration.Current.Sha256),
        };
        foreach (var part in claim.Parts)
        {
            numbers[$"parts.{part.Name}.effect"] = part.Effect;
            numbers[$"parts.{part.Name}.ci95_lower"] = part.Ci95?[0];
            numbers[$"parts.{part.Name}.ci95_upper"] = part.Ci95?[1];
            if (part.Verdict is { } partVerdict)
            {
                texts.Add(KeyValuePair.Create($"parts.{part.Name}.verdict", partVerdict.ToString().ToLowerInvariant()));
            }
        }

        foreach (var row in result.Sensitivity.Where(r => !r.Registered))
        {
            if (row.Claims.FirstOrDefault(c => c.Id == id) is { } other)
            {
                texts.Add(KeyValuePair.Create($"sensitivity.{row.Attack}.verdict", other.Verdict.ToString().ToLowerInvariant()));
                numbers[$"sensitivity.{row.Attack}.effect"] = other.Effect;
                numbers[$"sensitivity.{row.Attack}.ci95_lower"] = other.Ci95?[0];
                numbers[$"sensitivity.{row.Attack}.ci95_upper"] = other.Ci95?[1];
            }
        }

        return Snapshot.Of(texts, numbers);
    }

    /// <summary>The repository's root folder (where MiaRepro.sln is), or the temp folder outside a checkout.</summary>
    public static string RepositoryRoot()
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
