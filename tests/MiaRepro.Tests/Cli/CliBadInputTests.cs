using FluentAssertions;
using MiaRepro.Cli;

namespace MiaRepro.Tests.Cli;

/// <summary>Bad usage and bad input end with exit code 2 and a message naming the input and the fix — before any training.</summary>
[Collection(nameof(SerialConsole))]
public sealed class CliBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Dir => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private (int Code, string Error) Run(params string[] args) => CliRunner.Run([.. args, "--out", Path.Combine(Dir, "out")]);

    [Fact]
    public void One_model_is_rejected_with_exit_code_2()
    {
        var (code, error) = Run("reproduce", "--models", "1");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--models 1").And.Contain("even number of models");
    }

    [Theory]
    [InlineData("--models", "abc")]
    [InlineData("--epochs", "1.5")]
    [InlineData("--seed", "x1")]
    public void A_value_that_is_not_a_number_names_the_option_and_the_form_it_takes(string option, string value)
    {
        var (code, error) = Run("reproduce", option, value);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain($"{option} {value}").And.Contain("takes a whole number").And.NotContain("Nullable");
    }

    [Fact]
    public void A_real_valued_option_given_words_says_it_takes_a_number_not_a_whole_one()
    {
        var (code, error) = Run("audit", "--recipes", "crop-flip", "--delta", "abc");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--delta abc: --delta takes a number, e.g. --delta 1e-5").And.NotContain("whole number");
    }

    [Fact]
    public void An_unknown_option_of_a_subcommand_points_to_that_subcommands_help()
    {
        var (code, error) = CliRunner.Run("bench", "train", "--store", "x");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("Unknown argument(s): --store").And.Contain("'miarepro bench train --help'");
    }

    [Fact]
    public void A_sweep_into_a_folder_that_cannot_be_written_names_out_not_the_store()
    {
        // Given a shard folder where nobody may write, not even root (procfs)
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (code, error) = CliRunner.Run("sweep", "--shard", "1/2", "--out", "/proc/miarepro-shard");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("/proc/miarepro-shard").And.Contain("cannot be written").And.NotContain("--store");
    }

    [Fact]
    public void A_store_that_cannot_be_created_exits_2_naming_it_before_training()
    {
        // Given a store path under a regular file
        var file = Path.Combine(Dir, "a-file");
        File.WriteAllText(file, "x");

        // When
        var (code, error) = Run("reproduce", "--models", "4", "--store", Path.Combine(file, "store"));

        // Then
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain($"--store {Path.Combine(file, "store")}").And.Contain("cannot be written").And.NotContain("   at ");
    }

    [Fact]
    public void Export_to_a_regular_file_exits_2_naming_it()
    {
        // Given a population folder and a regular file as --out
        var population = Path.Combine(Dir, "population");
        Populations.PopulationFiles.Write(population, Attacks.SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: 9));
        var file = Path.Combine(Dir, "a-file");
        File.WriteAllText(file, "x");

        // When
        var (code, error) = CliRunner.Run("export", "--population-dir", population, "--format", "lira-reference", "--out", file);

        // Then
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain($"--out {file}: is a file").And.NotContain("   at ");
    }

    [Fact]
    public void Unknown_recipe_is_rejected_listing_valid_recipes()
    {
        var (code, error) = Run("reproduce", "--recipes", "baseline,warp-drive");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("warp-drive").And.Contain("crop-flip-early-stop");
    }

    [Fact]
    public void Missing_data_dir_is_rejected_naming_the_folder_and_the_package()
    {
        var missing = Path.Combine(Dir, "no-such-folder");

        var (code, error) = Run("reproduce", "--data-dir", missing, "--models", "4", "--population", "100", "--epochs", "1");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("no-such-folder").And.Contain("dataset-fashion-mnist");
    }

    [Fact]
    public void Truncated_idx_file_is_rejected_naming_the_file()
    {
        const string source = "/usr/share/datasets/fashion-mnist";
        if (!Directory.Exists(source))
        {
            Assert.Skip($"needs the Debian package dataset-fashion-mnist ({source})");
        }

        var data = Path.Combine(Dir, "data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        var labels = Path.Combine(data, "t10k-labels-idx1-ubyte.gz");
        var bytes = File.ReadAllBytes(labels);
        File.WriteAllBytes(labels, bytes[..(bytes.Length / 2)]);

        var (code, error) = Run("reproduce", "--data-dir", data, "--models", "4", "--population", "100", "--epochs", "1");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("t10k-labels-idx1-ubyte.gz");
    }

    [Fact]
    public void Unknown_option_is_bad_usage()
    {
        var (code, _) = Run("reproduce", "--modles", "4");

        code.Should().Be(ExitCodes.BadInput);
    }

    [Fact]
    public void Unknown_device_is_rejected()
    {
        var (code, error) = Run("reproduce", "--device", "tpu");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("tpu").And.Contain("cuda");
    }

    [Fact]
    public void Unknown_cpu_kernels_are_rejected_listing_the_valid_ones()
    {
        var (code, error) = Run("reproduce", "--cpu-kernels", "fastest");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--cpu-kernels").And.Contain("fastest").And.Contain("portable, native");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("17")]
    public void Unsupported_query_count_is_rejected_listing_the_valid_counts(string queries)
    {
        var (code, error) = Run("reproduce", "--queries", queries);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain($"--queries {queries}").And.Contain("1, 2 or 18");
    }

    [Fact]
    public void Non_numeric_query_count_is_bad_usage()
    {
        var (code, error) = Run("reproduce", "--queries", "many");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("many");
    }

    [Fact]
    public void Bench_attack_with_an_odd_model_count_is_bad_usage()
    {
        var (code, error) = CliRunner.Run("bench", "attack", "--models", "5");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--models 5");
    }

    [Fact]
    public void Bench_train_with_an_unknown_recipe_fails_before_training()
    {
        var (code, error) = CliRunner.Run("bench", "train", "--recipes", "warp-drive");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("warp-drive");
    }
}
