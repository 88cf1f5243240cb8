using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FluentAssertions;
using MiaRepro.Populations;
using MiaRepro.Tests.Cli;
using MiaRepro.Tests.Data;
using MiaRepro.Training;

namespace MiaRepro.Tests.Training;

/// <summary>
/// The tripwire of the portable CPU kernels: a tiny population trained in a child process, under the default kernels,
/// must give the committed SHA-256 of its <c>scores.npy</c> and of one model's <c>weights.bin</c> — on every CPU CI
/// runs on. These hashes are the evidence that the pin holds across CPUs: a mismatch means this CPU computes other
/// bits, which must be found and fixed, never accepted by changing the hashes (they change only with a deliberate
/// change to training, the data or the pins, together with <see cref="CpuKernels.PinVersion"/> or the trainer version).
/// </summary>
public sealed class PortableKernelsTests
{
    /// <summary>SHA-256 of the tiny run's <c>populations/{recipe}/scores.npy</c> under the portable kernels.</summary>
    private static readonly Dictionary<string, string> s_scores = new()
    {
        ["baseline"] = "917523b4a9da36a4d4b0174e5bad9278510e41076e47bdeafb3cb7621b055ec1",
        ["crop-flip-early-stop"] = "c3dfc842dc037a9a73e48274adcff55b9594a2e8d5fbfff41f6b1f066e34c9ac",
    };

    /// <summary>SHA-256 of the stored <c>weights.bin</c> of the baseline recipe's model 0.</summary>
    private const string BaselineModel0Weights = "bf80446455a3eb4ed321f1b06e97a60df6108031f86aea65b400c443b037facf";

    /// <summary>The environment of a machine whose libraries would pick other kernels, if the pin did not override it.</summary>
    private static readonly Dictionary<string, string?> s_otherKernels = new()
    {
        ["ATEN_CPU_CAPABILITY"] = "default",
        ["ONEDNN_MAX_CPU_ISA"] = "SSE41",
        ["MKL_CBWR"] = "AUTO",
    };

    [Fact]
    public void The_default_kernels_train_the_committed_bits()
    {
        // Given a clean environment (no kernel variables, no MIAREPRO_CPU_KERNELS)
        using var temp = new TempFolder();

        // When the tiny population is trained with the defaults
        var run = TinyRun(temp, new Dictionary<string, string?>());

        // Then its scores and a model's weights are bit for bit the committed ones, and results.json says how
        run.Scores.Should().Equal(s_scores, "the portable kernels must train the same bits on every CPU with AVX2");
        run.Weights.Should().Be(BaselineModel0Weights, $"the baseline's model 0 must be the committed one (this CPU trained {run.Weights})");
        run.Kernels["mode"]!.GetValue<string>().Should().Be("portable");
        run.Kernels["aten_capability"]!.GetValue<string>().Should().Be("AVX2");
        run.Kernels["onednn_max_isa"]!.GetValue<string>().Should().Be("AVX2");
        run.Kernels["mkl_branch"]!.GetValue<string>().Should().Be("COMPATIBLE");
        run.Kernels["store_identity"]!.GetValue<string>().Should().Be($"portable-{CpuKernels.PinVersion}");
    }

    [Fact]
    public void The_pin_overrides_the_launching_environment_in_the_native_environment()
    {
        // Given a launching environment that asks libtorch for other kernels
        using var temp = new TempFolder();

        // When the tiny population is trained with the (default) portable kernels
        var run = TinyRun(temp, s_otherKernels);

        // Then libtorch still computed with the pinned kernels: what it reads with getenv was set natively
        run.Scores.Should().Equal(s_scores);
        run.Kernels["aten_capability"]!.GetValue<string>().Should().Be("AVX2");
        run.Kernels["mkl_branch"]!.GetValue<string>().Should().Be("COMPATIBLE");
    }

    [Fact]
    public void Native_kernels_take_the_environment_as_it_is_and_the_kernels_change_the_bits()
    {
        // Given the same launching environment
        using var temp = new TempFolder();

        // When the tiny population is trained with --cpu-kernels native
        var run = TinyRun(temp, s_otherKernels, "--cpu-kernels", "native");

        // Then libtorch used the kernels the environment asked for, the results differ from the pinned ones (so the
        // tripwire above can see a change of kernels), and the store keys name the kernels and the CPU
        run.Kernels["mode"]!.GetValue<string>().Should().Be("native");
        run.Kernels["aten_capability"]!.GetValue<string>().Should().Be("DEFAULT");
        run.Kernels["onednn_max_isa"]!.GetValue<string>().Should().Be("SSE41");
        run.Kernels["mkl_branch"]!.GetValue<string>().Should().Be("AUTO");
        run.Kernels["store_identity"]!.GetValue<string>().Should().StartWith("native:DEFAULT:AUTO:SSE41:");
        run.Scores["baseline"].Should().NotBe(s_scores["baseline"]);
        run.Scores["crop-flip-early-stop"].Should().NotBe(s_scores["crop-flip-early-stop"]);
    }

    [Fact]
    public void A_CPU_without_AVX2_is_told_to_use_native_kernels()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.Skip("AVX2 is an x86-64 extension; this host is not x86-64.");
        }

        // Given a .NET told that this CPU has no AVX2 (as on a pre-2013 x86-64)
        using var temp = new TempFolder();
        var info = CliProcess.Command(["reproduce", "--models", "4", "--population", "64", "--epochs", "1", "--no-store", "--out", temp.Path]);
        info.Environment["DOTNET_EnableAVX2"] = "0";

        // When a run is asked for with the default kernels
        var (code, output, error) = CliProcess.Exec(info);

        // Then it stops before loading anything, with exit code 2 and the fix
        code.Should().Be(2, output + error);
        error.Should().Contain("--cpu-kernels portable: ").And.Contain("lacks AVX2").And.Contain("native kernels");
        File.Exists(Path.Combine(temp.Path, "results.json")).Should().BeFalse();
    }

    [Fact]
    public void An_unknown_kernel_mode_is_refused_naming_the_option_and_the_variable()
    {
        var act = () => CpuKernels.Use("fast");
        act.Should().Throw<InputException>().WithMessage("cpu_kernels: *'fast'*MIAREPRO_CPU_KERNELS*portable, native*");
    }

    [Fact]
    public void A_process_keeps_the_kernels_it_chose()
    {
        // Given this test process's kernels (fixed when it started)
        var current = CpuKernels.Current;

        // When the same mode is asked for again, and the other one
        var again = CpuKernels.Use(current.Mode);
        var other = () => CpuKernels.Use(current.Mode == CpuKernels.Portable ? CpuKernels.Native : CpuKernels.Portable);

        // Then the first is the same selection and the second is refused with the fix
        again.Should().BeSameAs(current);
        other.Should().Throw<InputException>().WithMessage("*fixed per process*new process*");
    }

    [Fact]
    public void Store_keys_name_the_pin_for_portable_kernels_and_the_CPU_for_native_ones()
    {
        new CpuKernelSelection("portable", "AVX2", "COMPATIBLE", "AVX2", "CPU A").Identity
            .Should().Be(new CpuKernelSelection("portable", "AVX2", "COMPATIBLE", "AVX2", "CPU B").Identity);
        new CpuKernelSelection("native", "AVX512", "OFF", null, "CPU A").Identity
            .Should().Be("native:AVX512:OFF:best:CPU A")
            .And.NotBe(new CpuKernelSelection("native", "AVX512", "OFF", null, "CPU B").Identity);
        TrainingContext.DeviceIdentity(TorchSharp.torch.CPU).Should().Be($"cpu:1-threads:{CpuKernels.Current.Identity}");
    }

    private sealed record TinyRunOutcome(Dictionary<string, string> Scores, string Weights, JsonObject Kernels);

    /// <summary>
    /// Trains two recipes (baseline, and crop-flip-early-stop: augmentation draws and per-epoch validation) of 4 models
    /// on a generated dataset in a child process with <paramref name="environment"/> added, and hashes its outputs.
    /// </summary>
    private static TinyRunOutcome TinyRun(TempFolder temp, Dictionary<string, string?> environment, params string[] extra)
    {
        var data = Path.Combine(temp.Path, "data");
        var labels = Enumerable.Range(0, 1400).Select(i => (byte)((i * 7 + i / 13) % 10)).ToArray();
        DataFiles.WriteIdxSplit(data, "train", labels, 28, 28, gzip: false, seed: 3);
        DataFiles.WriteIdxSplit(data, "t10k", labels[..200], 28, 28, gzip: false, seed: 4);
        var (outDir, store) = (Path.Combine(temp.Path, "out"), Path.Combine(temp.Path, "store"));
        var info = CliProcess.Command(
        [
            "reproduce", "--data-dir", data, "--recipes", "baseline,crop-flip-early-stop", "--models", "4", "--population", "200",
            "--epochs", "2", "--seed", "0", "--threads", "1", "--store", store, "--out", outDir, .. extra,
        ]);
        foreach (var name in s_otherKernels.Keys.Append(CpuKernels.Variable))
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var (code, output, error) = CliProcess.Exec(info);
        code.Should().Be(0, output + error);
        var scores = s_scores.Keys.ToDictionary(
            r => r, r => Sha256(Path.Combine(outDir, "populations", r, "scores.npy")));
        return new TinyRunOutcome(scores, Sha256(BaselineModel0(store)), CliProcess.Results(outDir)["cpu_kernels"]!.AsObject());
    }

    /// <summary>The stored weights of the baseline recipe's model 0 (recognised by its recipe and seed).</summary>
    private static string BaselineModel0(string store)
    {
        var seed = TrainingCase.ModelSeed(0, 0);
        var folder = Directory.EnumerateFiles(Path.Combine(store, "models"), "model.json", SearchOption.AllDirectories)
            .Single(f =>
            {
                var json = JsonNode.Parse(File.ReadAllText(f))!;
                return json["recipe"]!.GetValue<string>() == "baseline" && json["key"]!["seed"]!.GetValue<long>() == seed;
            });
        return Path.Combine(Path.GetDirectoryName(folder)!, "weights.bin");
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
