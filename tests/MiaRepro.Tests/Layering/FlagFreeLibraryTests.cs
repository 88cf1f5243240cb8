using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using FluentAssertions;
using MiaRepro.Cli;

namespace MiaRepro.Tests.Layering;

/// <summary>
/// The library speaks of settings and paths, never of the command line's flags: its messages name a setting through a
/// <see cref="SettingProblem"/>, and only the command line (<see cref="SettingFlags"/>) turns it into a flag.
/// </summary>
public sealed partial class FlagFreeLibraryTests
{
    // Flags of other programs that a message may quote as a fix.
    private static readonly string[] s_otherPrograms = ["--reinstall"];

    [Fact]
    public void No_string_of_the_library_names_a_command_line_flag()
    {
        // Given every string literal compiled into the library (interpolated strings' literal parts included)
        var strings = UserStrings(typeof(SettingProblem).Assembly);
        strings.Should().Contain(s => s.Contains("leave-one-out LiRA needs", StringComparison.Ordinal), "the reader sees the library's messages");

        // When those that hold something like "--flag" are picked out
        var flagged = strings
            .Where(s => Flag().Matches(s).Any(m => !s_otherPrograms.Contains(m.Value)))
            .ToList();

        // Then there are none
        flagged.Should().BeEmpty("the command line maps settings to flags in SettingFlags; the library names settings");
    }

    [Fact]
    public void Every_setting_a_problem_can_name_has_its_flag()
    {
        // Given every setting name the library declares
        var settings = typeof(Setting).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        // Then the command line has a flag (or argument) for each, and for nothing else
        settings.Should().NotBeEmpty();
        SettingFlags.Settings.Should().BeEquivalentTo(settings);
        SettingFlags.Describe(new SettingProblem(Setting.DataDir, "/nowhere", "holds no dataset."))
            .Should().Be("--data-dir /nowhere: holds no dataset.");
    }

    private static List<string> UserStrings(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
        {
            strings.Add(reader.GetUserString(handle));
        }

        return strings;
    }

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex Flag();
}
