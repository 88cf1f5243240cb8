using FluentAssertions;
using MiaRepro.Build;
using TorchSharp;
using Xunit;

namespace MiaRepro.Tests.Build;

/// <summary>The real libLibTorchSharp.so: the patch on a copy, the build step's output, and TorchSharp loading.</summary>
public sealed class TorchSharpNativeLibraryTests : IDisposable
{
    private const string LibStdCxx = "libstdc++.so.6";
    private const string Target = "GLIBCXX_3.4.32";

    private static readonly string _cached = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        ".nuget", "packages", "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static readonly string _output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Weakening_a_copy_of_the_real_library_changes_at_most_two_bytes()
    {
        // Given a copy of TorchSharp 0.107.0's native library from the NuGet cache
        SkipUnlessCached();
        var path = _folder.File("libLibTorchSharp.so");
        File.Copy(_cached, path);
        var before = File.ReadAllBytes(path);

        // When its GLIBCXX_3.4.32 requirement is weakened, twice
        var first = ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);
        var second = ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);

        // Then the first run patched it, the second did nothing, and only the flags field changed
        first.Should().Be(PatchResult.Patched);
        second.Should().Be(PatchResult.AlreadyWeak);
        var after = File.ReadAllBytes(path);
        after.Should().HaveSameCount(before);
        var requirement = ElfVersionPatch.ReadRequirements(after).Single(r => r.File == LibStdCxx && r.Version == Target);
        requirement.IsWeak.Should().BeTrue();
        Enumerable.Range(0, before.Length).Where(offset => before[offset] != after[offset])
            .Should().HaveCountLessThanOrEqualTo(2)
            .And.OnlyContain(offset => offset == requirement.FlagsOffset || offset == requirement.FlagsOffset + 1);
    }

    [Fact]
    public void The_nuget_cache_copy_is_never_weakened()
    {
        // Given the NuGet cache's library, after this project was built (and patched its own copy)
        SkipUnlessCached();

        // When its requirements are read
        var requirement = ElfVersionPatch.ReadRequirements(File.ReadAllBytes(_cached)).Single(r => r.File == LibStdCxx && r.Version == Target);

        // Then GLIBCXX_3.4.32 is still a strong requirement there
        requirement.IsWeak.Should().BeFalse();
    }

    [Fact]
    public void The_build_weakened_the_output_copy_exactly_when_the_host_lacks_the_version()
    {
        // Given this test project's own output folder
        if (!OperatingSystem.IsLinux() || !File.Exists(_output))
        {
            Assert.Skip($"The build step runs on Linux only, and {_output} is not there.");
        }

        // When the output copy's requirement and the host libstdc++ are read
        var requirement = ElfVersionPatch.ReadRequirements(File.ReadAllBytes(_output)).Single(r => r.File == LibStdCxx && r.Version == Target);
        var host = HostLibStdCxx.Locate();
        var hostDefines = host is not null && ElfVersionPatch.DefinesVersion(File.ReadAllBytes(host), Target);

        // Then it is weak if and only if the host lacks GLIBCXX_3.4.32
        requirement.IsWeak.Should().Be(!hostDefines, "the host libstdc++ is {0}", host ?? "not found");
    }

    [Fact]
    public void A_TorchSharp_tensor_operation_runs()
    {
        // Given TorchSharp's native library in this test project's output folder
        // When a tensor is made and reduced
        using var ones = torch.ones(2, 2);
        using var sum = ones.sum();

        // Then the native code ran and gave the right answer
        sum.item<float>().Should().Be(4f);
    }

    private static void SkipUnlessCached()
    {
        if (!File.Exists(_cached))
        {
            Assert.Skip($"TorchSharp 0.107.0's native library is not in the NuGet cache ({_cached}).");
        }
    }
}
