using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.IO;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Store;
using MiaRepro.Tests.Attacks;
using MiaRepro.Tests.Populations;

namespace MiaRepro.Tests.Cli;

/// <summary>
/// The data-loss cases of a hostile retest, each as the user met it: MiaRepro replaces or deletes only what it can
/// prove it wrote, and every folder and file the user made survives — whatever its name, whatever it holds.
/// </summary>
[Collection(nameof(SerialConsole))]
public sealed class OwnershipCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The command line in-process; its message with Spectre's line wrapping undone.</summary>
    private static (int Code, string Error) Run(params string[] args)
    {
        var (code, error) = CliRunner.Run(args);
        return (code, System.Text.RegularExpressions.Regex.Replace(error, @"\s+", " "));
    }

    private string At(params string[] parts) => Path.Combine([_folder.Path, .. parts]);

    /// <summary>Writes a user's file (creating its folders) and returns its path.</summary>
    private string UserFile(string text, params string[] parts)
    {
        var path = _folder.File(parts);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file under <paramref name="root"/> with its content, to show afterwards that none was touched.</summary>
    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);

    private string Population()
    {
        var dir = At("populations-in", "mine");
        PopulationFiles.Write(dir, SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: 9));
        return dir;
    }

    [Fact]
    public void Folders_beside_out_named_like_leftovers_are_never_deleted()
    {
        // Given folders of the user's named <out>.old-* and <out>.staging-* (one with a dead process's id), each with a file
        var population = Population();
        string[] names = ["results.old-backup", "results.old-2024-01-01", "results.staging-999999-abc"];
        foreach (var name in names)
        {
            UserFile("mine", name, "notes.txt");
        }

        // When attack writes --out results beside them
        var (code, error) = Run("attack", "--population-dir", population, "--out", At("results"), "--replicates", "0");

        // Then the run succeeds and every one of them is whole
        code.Should().Be(ExitCodes.Ran, error);
        foreach (var name in names)
        {
            File.ReadAllText(At(name, "notes.txt")).Should().Be("mine", $"{name} is the user's");
        }
    }

    [Fact]
    public void A_users_folder_that_looks_like_a_run_output_is_refused_and_kept()
    {
        // Given thesis/{report.md, plots/figure1.png}: a run's top-level names, but the user's files
        var population = Population();
        UserFile("my report", "thesis", "report.md");
        UserFile("my figure", "thesis", "plots", "figure1.png");
        var before = Snapshot(At("thesis"));

        // When attack is asked to write there
        var (code, error) = Run("attack", "--population-dir", population, "--out", At("thesis"));

        // Then it exits 2 naming what is there and the fix, and the folder is untouched
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("MiaRepro did not write this folder").And.Contain("Name a new or empty folder");
        Snapshot(At("thesis")).Should().Equal(before);
    }

    [Fact]
    public void A_file_the_user_put_into_an_earlier_output_stops_the_next_run_from_replacing_it()
    {
        // Given an earlier attack's outputs, and a figure the user then saved into its plots/
        var population = Population();
        Run("attack", "--population-dir", population, "--out", At("out"), "--replicates", "0").Code.Should().Be(ExitCodes.Ran);
        File.Exists(At("out", OwnedFolder.MarkerFile)).Should().BeTrue("every output folder is sealed");
        UserFile("my figure", "out", "plots", "figure1.png");
        var before = Snapshot(At("out"));

        // When the run is repeated into the same folder
        var (code, error) = Run("attack", "--population-dir", population, "--out", At("out"), "--replicates", "0");

        // Then it names the user's file and leaves everything as it was
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("'plots/figure1.png'").And.Contain("did not write");
        Snapshot(At("out")).Should().Equal(before);
    }

    [Fact]
    public void A_repeated_run_replaces_its_own_sealed_output()
    {
        // Given an earlier attack's sealed outputs
        var population = Population();
        Run("attack", "--population-dir", population, "--out", At("out"), "--replicates", "0").Code.Should().Be(ExitCodes.Ran);

        // When the run is repeated
        var (code, error) = Run("attack", "--population-dir", population, "--out", At("out"), "--replicates", "0");

        // Then it replaces them, and nothing is left beside the folder
        code.Should().Be(ExitCodes.Ran, error);
        File.Exists(At("out", "results.json")).Should().BeTrue();
        File.Exists(At("out", OwnedFolder.StagingFile)).Should().BeFalse();
        Directory.GetDirectories(_folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo("populations-in", "out");
    }

    [Fact]
    public void An_output_of_another_kind_is_not_replaced_by_this_one()
    {
        // Given a sealed coverage output (a kind of its own)
        Directory.CreateDirectory(At("coverage"));
        File.WriteAllText(At("coverage", "coverage.md"), "# coverage");
        OwnedFolder.Seal(At("coverage"), "coverage");

        // When attack names it as its --out
        var (code, error) = Run("attack", "--population-dir", Population(), "--out", At("coverage"));

        // Then it is refused as another kind's output, and kept
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("is a MiaRepro coverage output, not a run output");
        File.Exists(At("coverage", "coverage.md")).Should().BeTrue();
    }

    [Fact]
    public void A_link_inside_an_output_folder_is_the_users()
    {
        // Given a sealed output, then a link the user added into it pointing at their own folder
        Directory.CreateDirectory(At("out"));
        File.WriteAllText(At("out", "report.md"), "# report");
        OwnedFolder.Seal(At("out"), "run");
        UserFile("precious", "mine", "data.txt");
        Directory.CreateSymbolicLink(At("out", "plots"), At("mine"));

        // When
        var unproven = OwnedFolder.Unproven(At("out"), "run");

        // Then the folder is not MiaRepro's to replace, and the link's target is untouched
        unproven.Should().Contain("'plots'");
        File.ReadAllText(At("mine", "data.txt")).Should().Be("precious");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_output_folder_that_is_a_link_is_refused_and_its_target_untouched(bool sealedTarget)
    {
        // Given --out a link to a folder of the user's, or to a sealed MiaRepro output (which the swap would leave
        // behind the link while replacing the link itself)
        Directory.CreateDirectory(At("target"));
        File.WriteAllText(At("target", "report.md"), "# theirs");
        if (sealedTarget)
        {
            OwnedFolder.Seal(At("target"), "run");
        }

        Directory.CreateSymbolicLink(At("out"), At("target"));
        var before = Snapshot(At("target"));

        // When
        var (code, error) = Run("attack", "--population-dir", Population(), "--out", At("out"));

        // Then it is refused naming the link, and nothing behind it changes
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(At("out")).And.Contain("is a link").And.Contain("name the folder itself");
        Snapshot(At("target")).Should().BeEquivalentTo(before);
        new DirectoryInfo(At("out")).LinkTarget.Should().Be(At("target"));
    }

    [Fact]
    public void An_input_inside_the_output_is_refused_before_anything_runs()
    {
        // Given an earlier run's sealed outputs with a population folder inside them
        var inside = At("x", "populations", "mine");
        PopulationFiles.Write(inside, SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: 9));
        File.WriteAllText(At("x", "results.json"), "{}");
        OwnedFolder.Seal(At("x"), "run");
        OwnedFolder.Unproven(At("x"), "run").Should().BeNull();
        var before = Snapshot(At("x"));

        // When attack and export read that population and write over the folder that holds it
        var attack = Run("attack", "--population-dir", inside, "--out", At("x"));
        var export = Run("export", "--population-dir", inside, "--out", At("x"));

        // Then both exit 2 naming the overlap, and the input is whole
        attack.Code.Should().Be(ExitCodes.BadInput);
        attack.Error.Should().Contain("holds the population dir").And.Contain("apart from the run's inputs");
        export.Code.Should().Be(ExitCodes.BadInput);
        export.Error.Should().Contain("holds the population dir");
        Snapshot(At("x")).Should().Equal(before);
    }

    [Fact]
    public void The_store_and_the_output_folder_may_not_overlap()
    {
        // When reproduce is given the same folder as store and output, or the store inside the output
        var same = Run("reproduce", "--models", "4", "--store", At("x"), "--out", At("x"));
        var inside = Run("reproduce", "--models", "4", "--store", At("x", "store"), "--out", At("x"));

        // Then both exit 2 at once (before any training), naming --store
        same.Code.Should().Be(ExitCodes.BadInput);
        same.Error.Should().Contain("--store").And.Contain("lies inside the output folder");
        inside.Code.Should().Be(ExitCodes.BadInput);
        inside.Error.Should().Contain("lies inside the output folder");
    }

    [Fact]
    public void A_users_folder_inside_the_stores_tmp_is_kept()
    {
        // Given a folder of the user's in the store's tmp/, and a real leftover of a killed write (a dead process's token)
        UserFile("mine", "store", "tmp", "mine", "notes.txt");
        UserFile("mine", "store", "tmp", "999999-0123", "notes.txt");
        var leftover = At("store", "tmp", "999998-abcd");
        OwnedFolder.CreateStaging(leftover, "999998-abcd");

        // When the store is opened (which clears leftovers)
        _ = new ModelStore(At("store"));

        // Then only MiaRepro's own leftover is gone
        File.ReadAllText(At("store", "tmp", "mine", "notes.txt")).Should().Be("mine");
        File.ReadAllText(At("store", "tmp", "999999-0123", "notes.txt")).Should().Be("mine", "a name like a token is not a token file");
        Directory.Exists(leftover).Should().BeFalse();
    }

    [Fact]
    public void Recipes_write_refuses_an_existing_file_unless_forced()
    {
        // Given a file of the user's
        var notes = UserFile("my notes", "notes.json");

        // When a recipe file is written over it, then again with --force
        var refused = Run("recipes", "--write", "baseline", "--out", notes);
        File.ReadAllText(notes).Should().Be("my notes");
        var forced = Run("recipes", "--write", "baseline", "--out", notes, "--force");

        // Then the first exits 2 naming the fix and keeps the file; --force replaces it
        refused.Code.Should().Be(ExitCodes.BadInput);
        refused.Error.Should().Contain("exists").And.Contain("--force");
        forced.Code.Should().Be(ExitCodes.Ran, forced.Error);
        File.ReadAllText(notes).Should().Contain("baseline");
    }

    [Fact]
    public void Sweep_refuses_a_folder_with_a_shard_json_that_is_not_its_own_or_other_files()
    {
        // Given a user's shard.json, and a folder with a file a sweep never writes
        UserFile("{\"mine\": true}", "d", "shard.json");
        UserFile("mine", "e", "notes.txt");

        // When a sweep is pointed at each
        var overShard = Run("sweep", "--models", "4", "--shard", "1/2", "--out", At("d"));
        var overNotes = Run("sweep", "--models", "4", "--shard", "1/2", "--out", At("e"));

        // Then both exit 2 before training and the files are untouched
        overShard.Code.Should().Be(ExitCodes.BadInput);
        overShard.Error.Should().Contain("shard.json").And.Contain("not a MiaRepro shard's");
        File.ReadAllText(At("d", "shard.json")).Should().Be("{\"mine\": true}");
        Directory.GetFileSystemEntries(At("d")).Should().ContainSingle();
        overNotes.Code.Should().Be(ExitCodes.BadInput);
        overNotes.Error.Should().Contain("'notes.txt'");
        Directory.GetFileSystemEntries(At("e")).Should().ContainSingle();
    }

    [Theory]
    [InlineData("reproduce", "--out", "")]
    [InlineData("reproduce", "--out", "  ")]
    [InlineData("reproduce", "--store", "")]
    [InlineData("reproduce", "--store", " ")]
    [InlineData("attack", "--out", "")]
    [InlineData("export", "--out", "")]
    [InlineData("sweep", "--out", "")]
    [InlineData("stability", "--out", "")]
    [InlineData("audit", "--out", "")]
    [InlineData("recipes", "--out", "")]
    public void An_empty_folder_name_exits_2_naming_the_option(string command, string option, string value)
    {
        // Given the other options a command needs
        string[] rest = command switch
        {
            "attack" or "export" => ["--population-dir", Population()],
            "sweep" => ["--shard", "1/2"],
            "stability" => ["--seeds", "1,2"],
            "audit" => ["--recipes", "crop-flip"],
            "recipes" => ["--write", "baseline"],
            _ => [],
        };
        var cwd = Directory.GetFileSystemEntries(Environment.CurrentDirectory).Length;

        // When
        var (code, error) = Run([command, .. rest, option, value]);

        // Then exit 2, naming the option, no trace, and nothing written into the current folder
        code.Should().Be(ExitCodes.BadInput, error);
        error.Should().Contain(option).And.Contain("empty").And.NotContain("   at ");
        Directory.GetFileSystemEntries(Environment.CurrentDirectory).Length.Should().Be(cwd);
    }

    [Fact]
    public void A_population_folder_mixing_two_runs_arrays_is_refused_naming_the_file()
    {
        // Given two population folders as MiaRepro writes them (fingerprinted in models.json), of different
        // populations, and the first given the second's keep.npy
        var first = At("populations-a", "mine");
        var second = At("populations-b", "mine");
        PopulationFolder.Write(Trained(seed: 9), first);
        PopulationFolder.Write(Trained(seed: 10), second);
        File.ReadAllText(Path.Combine(first, PopulationFolder.ModelsFile)).Should().Contain($"\"{PopulationFolder.ArraysKey}\"");
        _ = PopulationFolder.Read(first);
        File.Copy(Path.Combine(second, PopulationFolder.KeepFile), Path.Combine(first, PopulationFolder.KeepFile), overwrite: true);

        // When the mixed folder is attacked
        var (code, error) = Run("attack", "--population-dir", first, "--out", At("mixed"));

        // Then it is refused, naming keep.npy and what to do, where it was once attacked silently (AUC 0.59 → 0.50)
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(PopulationFolder.KeepFile).And.Contain("mixes files of different runs");
        Directory.Exists(At("mixed")).Should().BeFalse();
    }

    private static TrainedPopulation Trained(int seed)
    {
        var p = SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: seed);
        var records = Enumerable.Range(0, p.Models).Select(m => new ModelRecord(
            m, seed + m, 0.9, 0.8, 3, 3, null, Members: Enumerable.Range(0, p.Examples).Count(i => p.Keep[(m * p.Examples) + i]), Seconds: 0)).ToList();
        return new TrainedPopulation(RecipeCatalog.Create("baseline", ScaleProfile.Smoke), p, records);
    }

    [Fact]
    public void Fault_points_are_armed_in_the_test_build_only()
    {
        // Given this test build's folder and the command line's own build folder of the same configuration
        var here = AppContext.BaseDirectory;
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(here))!);
        var root = new DirectoryInfo(here);
        while (!File.Exists(Path.Combine(root.FullName, "MiaRepro.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The tests run outside a MiaRepro checkout.");
        }

        var cli = Path.Combine(root.FullName, "src", "MiaRepro.Cli", "bin", configuration, "net10.0");

        // Then the points are armed here (the fault-injection tests need them) and not in ./miarepro's build
        FaultPoint.IsArmedIn(here).Should().BeTrue();
        Directory.Exists(cli).Should().BeTrue(cli);
        FaultPoint.IsArmedIn(cli).Should().BeFalse();
    }
}
