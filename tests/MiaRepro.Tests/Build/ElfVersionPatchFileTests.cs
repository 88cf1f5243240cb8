using System.Runtime.Versioning;
using FluentAssertions;
using MiaRepro.Build;
using Xunit;

namespace MiaRepro.Tests.Build;

/// <summary>Weakening a requirement in a file: replace through a temporary file, never write in place.</summary>
[SupportedOSPlatform("linux")]
public sealed class ElfVersionPatchFileTests : IDisposable
{
    private const string LinuxOnly = "Hard links, inodes and file modes are checked the POSIX way.";
    private const string LibStdCxx = "libstdc++.so.6";
    private const string Target = "GLIBCXX_3.4.32";

    private static readonly TinyElf _library = new TinyElfBuilder()
        .Need("libc.so.6", ("GLIBC_2.34", 0))
        .Need(LibStdCxx, ("GLIBCXX_3.4", 0), (Target, 0))
        .Build();

    private readonly TempFolder _folder = new();

    public static bool OnLinux => OperatingSystem.IsLinux();

    public void Dispose() => _folder.Dispose();

    [Fact(Skip = LinuxOnly, SkipUnless = nameof(OnLinux))]
    public void Patching_a_file_replaces_it_with_a_patched_copy_that_keeps_its_mode_and_time()
    {
        // Given a library file with an unusual mode and an old modification time
        var path = _folder.File("runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        File.WriteAllBytes(path, _library.Bytes);
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(path, mode);
        var time = new DateTime(2024, 5, 7, 10, 3, 28, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, time);
        var inode = Posix.Inode(path);

        // When its requirement is weakened
        var result = ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);

        // Then a new file took its place: patched, same size, mode and time, and no temporary file is left
        result.Should().Be(PatchResult.Patched);
        var patched = File.ReadAllBytes(path);
        patched.Should().HaveSameCount(_library.Bytes);
        ElfVersionPatch.ReadRequirements(patched).Single(requirement => requirement.Version == Target).IsWeak.Should().BeTrue();
        File.GetUnixFileMode(path).Should().Be(mode);
        File.GetLastWriteTimeUtc(path).Should().Be(time);
        Posix.Inode(path).Should().NotBe(inode);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal(path);
    }

    [Fact(Skip = LinuxOnly, SkipUnless = nameof(OnLinux))]
    public void Patching_a_hard_linked_copy_leaves_the_other_link_untouched()
    {
        // Given an output copy that is a hard link to the package cache's file
        var cached = _folder.File("nuget", "libLibTorchSharp.so");
        File.WriteAllBytes(cached, _library.Bytes);
        var output = _folder.File("bin", "libLibTorchSharp.so");
        Posix.HardLink(cached, output);

        // When the output copy is weakened
        ElfVersionPatch.WeakenVersionRequirementInFile(output, Target, LibStdCxx);

        // Then the output copy is patched and the cached file is byte for byte what it was
        ElfVersionPatch.ReadRequirements(File.ReadAllBytes(output)).Single(requirement => requirement.Version == Target).IsWeak.Should().BeTrue();
        File.ReadAllBytes(cached).Should().Equal(_library.Bytes);
    }

    [Fact(Skip = LinuxOnly, SkipUnless = nameof(OnLinux))]
    public void A_second_run_writes_nothing()
    {
        // Given a library weakened once
        var path = _folder.File("libLibTorchSharp.so");
        File.WriteAllBytes(path, _library.Bytes);
        ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);
        var inode = Posix.Inode(path);
        var bytes = File.ReadAllBytes(path);

        // When it is weakened again
        var result = ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);

        // Then it says so, and the file is the same file with the same bytes
        result.Should().Be(PatchResult.AlreadyWeak);
        Posix.Inode(path).Should().Be(inode);
        File.ReadAllBytes(path).Should().Equal(bytes);
    }

    [Fact(Skip = LinuxOnly, SkipUnless = nameof(OnLinux))]
    public void A_library_that_does_not_require_the_version_is_not_written()
    {
        // Given a library that needs nothing from libstdc++
        var path = _folder.File("libother.so");
        var other = new TinyElfBuilder().Need("libc.so.6", ("GLIBC_2.34", 0)).Build();
        File.WriteAllBytes(path, other.Bytes);
        var inode = Posix.Inode(path);

        // When its GLIBCXX_3.4.32 requirement is weakened
        var result = ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);

        // Then nothing was required and the file was not replaced
        result.Should().Be(PatchResult.NotRequired);
        Posix.Inode(path).Should().Be(inode);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        // Given a path with no file
        var path = Path.Combine(_folder.Path, "absent", "libLibTorchSharp.so");

        // When it is patched
        var act = () => ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);

        // Then the error names the file
        act.Should().Throw<FileNotFoundException>().WithMessage($"Cannot patch '{path}': the file does not exist.");
    }

    [Fact]
    public void A_non_elf_file_is_a_clear_error_that_names_it_and_leaves_it_as_it_was()
    {
        // Given a file that is not ELF
        var path = _folder.File("libLibTorchSharp.so");
        File.WriteAllText(path, "version https://git-lfs.github.com/spec/v1\n");

        // When it is patched
        var act = () => ElfVersionPatch.WeakenVersionRequirementInFile(path, Target, LibStdCxx);

        // Then the error names the file and the problem, and the file is unchanged
        act.Should().Throw<InvalidDataException>().WithMessage($"Cannot patch '{path}': not an ELF file*");
        File.ReadAllText(path).Should().Be("version https://git-lfs.github.com/spec/v1\n");
    }
}
