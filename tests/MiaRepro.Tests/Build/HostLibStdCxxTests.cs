using FluentAssertions;
using MiaRepro.Build;
using Xunit;

namespace MiaRepro.Tests.Build;

/// <summary>Finding the libstdc++ whose version definitions decide whether to patch.</summary>
public sealed class HostLibStdCxxTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_first_probed_folder_that_holds_libstdcxx_wins()
    {
        // Given three folders, of which the second and third hold a libstdc++.so.6
        var empty = Directory.CreateDirectory(Path.Combine(_folder.Path, "empty")).FullName;
        var second = _folder.File("second", HostLibStdCxx.FileName);
        var third = _folder.File("third", HostLibStdCxx.FileName);
        File.WriteAllBytes(second, []);
        File.WriteAllBytes(third, []);

        // When the folders are probed in order
        var found = HostLibStdCxx.LocateIn([empty, Path.GetDirectoryName(second)!, Path.GetDirectoryName(third)!]);

        // Then the second one is found, and folders without one find nothing
        found.Should().Be(second);
        HostLibStdCxx.LocateIn([empty]).Should().BeNull();
    }

    [Fact]
    public void A_libstdcxx_mapped_into_the_process_is_read_from_its_maps_file()
    {
        // Given a maps file that lists a libstdc++ among other mappings
        var library = _folder.File("lib", "libstdc++.so.6.0.30");
        File.WriteAllBytes(library, []);
        var maps = _folder.File("maps");
        File.WriteAllLines(maps,
        [
            "55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 123 /usr/share/dotnet/dotnet",
            "7f0000000000-7f0000001000 rw-p 00000000 00:00 0 [heap]",
            $"7f1000000000-7f1000100000 r-xp 00000000 08:01 456 {library}",
        ]);

        // When the maps file is read
        // Then the mapped library is found; a maps file without one, or no maps file, finds nothing
        HostLibStdCxx.FromProcessMaps(maps).Should().Be(library);
        File.WriteAllLines(maps, ["55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 123 /usr/share/dotnet/dotnet"]);
        HostLibStdCxx.FromProcessMaps(maps).Should().BeNull();
        HostLibStdCxx.FromProcessMaps(Path.Combine(_folder.Path, "no-maps")).Should().BeNull();
    }

    [Fact]
    public void The_host_libstdcxx_is_found_and_its_version_definitions_are_read()
    {
        // Given this machine
        var host = HostLibStdCxx.Locate();
        if (host is null)
        {
            Assert.Skip("No libstdc++.so.6 on this machine (not Linux, or an unusual layout).");
        }

        // When its definitions are read
        var definitions = ElfVersionPatch.ReadDefinitions(File.ReadAllBytes(host));

        // Then it defines the oldest GLIBCXX and CXXABI versions, as every libstdc++.so.6 does
        definitions.Should().Contain(["GLIBCXX_3.4", "CXXABI_1.3"]);
    }
}
