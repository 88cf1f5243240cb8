using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.Tests.Attacks;
using MiaRepro.Tests.Data;
using MiaRepro.Tests.Populations;

namespace MiaRepro.Tests.Cli;

/// <summary>
/// The memory cases of a hostile retest, each as the user met it, in a child process whose peak resident set is
/// measured: a file or option of under a megabyte is refused with exit code 2 and a message naming it and its limit,
/// before it can make MiaRepro allocate what it asks for.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    /// <summary>
    /// The most a refused run may hold: the .NET runtime with libtorch loaded stays far below it (a few hundred MB),
    /// and every case below once took 2–23 GB or was killed.
    /// </summary>
    private const long PeakLimit = 1L << 30;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>Runs the command line in a child process: its exit code, its stderr (line wrapping undone) and its peak RSS.</summary>
    private static (int Code, string Error, long Peak) Measured(params string[] args)
    {
        var (code, output, error, peak) = CliProcess.ExecMeasured(args);
        return (code, Flat(error + output), peak);
    }

    private string WriteRecipes(string name, string recipes)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, $$"""{ "format": "{{MiaRepro.Recipes.RecipeFile.Format}}", "recipes": [ {{recipes}} ] }""");
        return path;
    }

    private static void RefusedSmall((int Code, string Error, long Peak) run, params string[] message)
    {
        run.Code.Should().Be(ExitCodes.BadInput, run.Error);
        run.Error.Should().NotContain("   at ", "no stack trace is printed");
        foreach (var part in message)
        {
            run.Error.Should().Contain(part);
        }

        if (OperatingSystem.IsLinux())
        {
            run.Peak.Should().BePositive("the child's VmHWM was read").And.BeLessThan(PeakLimit, "the input is refused before it allocates");
        }
    }

    [Fact]
    public void A_png_declaring_30000_by_30000_pixels_is_refused_from_its_header_in_little_memory()
    {
        // Given an image folder with five 65-byte PNGs whose headers declare 30000×30000 pixels (once: 1.9 GB each, OOM)
        var data = OwnDatasetFiles.WriteImageFolder(_folder.File("huge"), 12, 6, 8);
        foreach (var i in Enumerable.Range(0, 5))
        {
            File.WriteAllBytes(Path.Combine(data, "train", OwnDatasetFiles.ClassName(i % 3), $"{i:D5}.png"), OwnDatasetFiles.PngHeaderOnly(30_000, 30_000));
        }

        // When a run reads it
        var run = Measured("reproduce", "--dataset", "image-folder", "--data-dir", data, "--models", "4", "--population", "10", "--no-store", "--out", _folder.File("out"));

        // Then it is refused from the header, naming the file and the limit
        RefusedSmall(run, "30000×30000", "1 to 1024 pixels a side");
        Directory.Exists(_folder.File("out")).Should().BeFalse();
    }

    [Fact]
    public void Two_billion_bootstrap_replicates_are_refused_before_any_is_drawn()
    {
        var population = _folder.File("population");
        PopulationFiles.Write(population, SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: 9));

        var run = Measured("attack", "--population-dir", population, "--replicates", "2000000000", "--out", _folder.File("out"));

        RefusedSmall(run, "--replicates", "2000000000", "use 0 to 100,000 replicates");
    }

    [Theory]
    [InlineData("--examples", "100000000", "10 to 1,000,000 examples")]
    [InlineData("--models", "100000", "from 6 to 4096")]
    [InlineData("--queries", "1000", "1 to 18 queries")]
    [InlineData("--examples", "1000000", "at most 64,000,000 scores")]
    public void A_synthetic_attack_benchmark_beyond_its_limits_is_refused_before_it_is_made(string option, string value, string limit)
    {
        var run = Measured("bench", "attack", option, value);

        RefusedSmall(run, $"{option} {value}", limit);
    }

    [Fact]
    public void Synthetic_logits_of_too_many_classes_are_refused_before_they_are_made()
    {
        var run = Measured("bench", "attack", "--logits", "--classes", "100000");

        RefusedSmall(run, "--classes 100000", "2 to 1000 classes");
    }

    [Fact]
    public void A_recipe_whose_network_is_too_large_on_any_image_is_refused_as_the_file_is_read()
    {
        // Given widths and hidden units inside their documented ranges whose small CNN would take ~13 GB on Fashion-MNIST
        var file = WriteRecipes("big.json", """{ "name": "big", "model": { "architecture": "small-cnn", "width": 512, "depth": 2, "hidden": 65536 } }""");

        // When a run names it (no data is read: the refusal comes first)
        var run = Measured("reproduce", "--recipe-file", file, "--recipes", "big", "--dataset", "npy", "--data-dir", _folder.File("no-data"), "--out", _folder.File("out"));

        // Then the file and the recipe are named with the limit
        RefusedSmall(run, file, "recipes[0]", "parameters on any image", "50,000,000");
    }

    [Fact]
    public void A_recipe_file_over_a_mebibyte_is_refused_before_it_is_read()
    {
        // Given a 2 MiB recipe file of 100,000 flip steps (once: a quadratic check that did not end)
        var path = _folder.File("long.json");
        var steps = string.Join(",", Enumerable.Repeat("""{"step":"flip"}""", 140_000));
        File.WriteAllText(path, $$"""{ "format": "{{MiaRepro.Recipes.RecipeFile.Format}}", "recipes": [ { "name": "long", "augmentation": [ {{steps}} ] } ] }""");
        new FileInfo(path).Length.Should().BeGreaterThan(MiaRepro.Recipes.RecipeFile.MaxBytes);

        var run = Measured("reproduce", "--recipe-file", path, "--out", _folder.File("out"));

        RefusedSmall(run, path, "1,048,576");
    }

    [Fact]
    public void A_batch_whose_first_layer_outgrows_the_bound_is_refused_before_any_weight_is_made()
    {
        // Given 32×32 images and a recipe of width 128 whose batches hold all of a model's ~550 members (half the
        // population): ~72M values in the first convolution's output alone
        var data = OwnDatasetFiles.WriteNpy(_folder.File("data"), train: 2200, test: 100, height: 32, width: 32);
        var file = WriteRecipes("wide.json", """{ "name": "wide", "batch_size": 1024, "model": { "architecture": "small-cnn", "width": 128, "depth": 2, "hidden": 8 } }""");

        var run = Measured(
            "reproduce", "--dataset", "npy", "--data-dir", data, "--recipe-file", file, "--recipes", "wide", "--models", "4",
            "--population", "1100", "--epochs", "1", "--no-store", "--out", _folder.File("out"));

        RefusedSmall(run, "Recipe 'wide': a batch of ", " 32×32 images at width 128", "more than MiaRepro allows (67,108,864)", "use a smaller batch_size, width or image size");
        Directory.Exists(_folder.File("out")).Should().BeFalse();
    }

    [Fact]
    public void A_models_json_that_gives_a_key_twice_is_refused_not_read_as_its_last_value()
    {
        // Given a population folder whose models.json names its models twice (once: the last list won, silently)
        var population = _folder.File("population");
        PopulationFiles.Write(population, SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: 9));
        var models = Path.Combine(population, "models.json");
        File.WriteAllText(models, """{ "models": [], "models": [] }""");

        var run = Measured("attack", "--population-dir", population, "--out", _folder.File("out"));

        RefusedSmall(run, models, "is not readable JSON");
        Directory.Exists(_folder.File("out")).Should().BeFalse();
    }
}
