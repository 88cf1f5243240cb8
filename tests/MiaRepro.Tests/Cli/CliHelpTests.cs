using FluentAssertions;
using MiaRepro.Cli;

namespace MiaRepro.Tests.Cli;

/// <summary>Every command's help prints and exits 0 — the first thing a new user runs (the real command line, as a child process).</summary>
public sealed class CliHelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("reproduce", "--help")]
    [InlineData("stability", "--help")]
    [InlineData("sweep", "--help")]
    [InlineData("merge", "--help")]
    [InlineData("attack", "--help")]
    [InlineData("export", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("bench", "train", "--help")]
    [InlineData("bench", "attack", "--help")]
    public void Help_prints_and_exits_0(params string[] args)
    {
        var (code, output, error) = CliProcess.Exec(args);

        code.Should().Be(ExitCodes.Ran, error);
        output.Should().Contain("USAGE:").And.Contain("miarepro");
        error.Should().NotContain("Exception");
    }

    [Fact]
    public void No_command_prints_the_commands()
    {
        var (code, output, error) = CliProcess.Exec([]);

        code.Should().Be(ExitCodes.Ran, error);
        output.Should().Contain("reproduce").And.Contain("stability").And.Contain("export");
        error.Should().NotContain("Exception");
    }

    [Fact]
    public void Bench_without_a_subcommand_is_bad_usage_listing_its_subcommands()
    {
        var (code, output, error) = CliProcess.Exec(["bench"]);

        code.Should().Be(ExitCodes.BadInput, output + error);
        (output + error).Should().Contain("train").And.Contain("attack");
        error.Should().NotContain("Exception");
    }
}
