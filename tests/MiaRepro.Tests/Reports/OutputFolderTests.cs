using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.Reports;
using MiaRepro.Tests.Cli;

namespace MiaRepro.Tests.Reports;

/// <summary>An output folder holds one run's outputs and nothing else, never a mix of two runs, and a bad one is refused before any training.</summary>
[Collection(nameof(SerialConsole))]
public sealed class OutputFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Out => Path.Combine(_folder.Path, "out");

    /// <summary>An earlier run's outputs, written (and so sealed) as a run writes them.</summary>
    private void Earlier() =>
        OutputFolder.Replace(Out, staging =>
        {
            Directory.CreateDirectory(Path.Combine(staging, "populations", "crop-flip"));
            File.WriteAllText(Path.Combine(staging, "populations", "crop-flip", "scores.npy"), "old");
            File.WriteAllText(Path.Combine(staging, "results.json"), "{\"seed\": 0}");
        });

    [Fact]
    public void A_new_run_replaces_the_folder_whole_so_nothing_of_the_earlier_run_is_left()
    {
        // Given an earlier run's outputs with a recipe the new run lacks
        Earlier();

        // When the new outputs are written
        OutputFolder.Replace(Out, staging => File.WriteAllText(Path.Combine(staging, "results.json"), "{\"seed\": 1}"));

        // Then the folder holds the new outputs only, and no staging or old folder is left beside it
        File.ReadAllText(Path.Combine(Out, "results.json")).Should().Contain("\"seed\": 1");
        Directory.Exists(Path.Combine(Out, "populations")).Should().BeFalse("populations/crop-flip belonged to the earlier run");
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(Out);
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_earlier_outputs_untouched_and_no_partial_folder()
    {
        // Given an earlier run's outputs
        Earlier();

        // When writing the new ones fails half way (a full disk, say)
        var write = () => OutputFolder.Replace(Out, staging =>
        {
            File.WriteAllText(Path.Combine(staging, "report.md"), "new, partial");
            throw new IOException("No space left on device");
        });

        // Then the run fails with exit-2 input error naming the folder, and the earlier outputs are whole
        write.Should().Throw<InputException>().WithMessage("out *: the outputs could not be written (No space left on device)*").Which.Problems.Should().ContainSingle(p => p.Setting == Setting.Out);
        File.ReadAllText(Path.Combine(Out, "results.json")).Should().Contain("\"seed\": 0");
        File.Exists(Path.Combine(Out, "report.md")).Should().BeFalse();
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(Out);
    }

    [Fact]
    public void A_folder_holding_the_users_own_files_is_never_replaced()
    {
        // Given an output folder with a file MiaRepro did not write
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "thesis.tex"), "mine");

        // When
        var replace = () => OutputFolder.Replace(Out, _ => { });

        // Then it is refused naming the file, which is kept
        replace.Should().Throw<InputException>().WithMessage("*holds 'thesis.tex', and MiaRepro did not write this folder*");
        File.ReadAllText(Path.Combine(Out, "thesis.tex")).Should().Be("mine");
    }

    [Fact]
    public void Reproduce_into_an_unusable_out_exits_2_before_anything_is_trained()
    {
        // Given a folder of the user's, and a path whose parent is a regular file
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");
        var file = Path.Combine(_folder.Path, "a-file");
        File.WriteAllText(file, "x");

        // When reproduce is asked to write there
        var foreign = CliRunner.Run("reproduce", "--models", "4", "--out", Out);
        var underFile = CliRunner.Run("reproduce", "--models", "4", "--out", Path.Combine(file, "out"));

        // Then both exit 2 at once, naming the folder and the fix
        foreign.Code.Should().Be(ExitCodes.BadInput);
        System.Text.RegularExpressions.Regex.Replace(foreign.Error, @"\s+", " ").Should().Contain("notes.txt").And.Contain("Name a new or empty folder");
        underFile.Code.Should().Be(ExitCodes.BadInput);
        underFile.Error.Should().Contain("cannot write into").And.Contain("name a folder you can write to");
    }
}
