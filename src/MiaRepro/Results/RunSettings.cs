using MiaRepro.Data;
using MiaRepro.Recipes;
using MiaRepro.Seeds;
using MiaRepro.Training;

namespace MiaRepro.Results;

/// <summary>Everything one reproduction run is decided by: the scale profile (with overrides applied) and the run's options.</summary>
/// <param name="Threads">On CPU, models trained side by side (one torch thread each: the results do not depend on it); on a GPU, torch's CPU threads.</param>
/// <param name="Store">The model store's folder, or null to train every model afresh and store nothing.</param>
/// <param name="Queries">Query views per example: 1, 2 (default) or 18 (see <see cref="Training.QueryGrid"/>).</param>
/// <param name="CpuKernels">The CPU kernels libtorch computes with: portable (default) or native (see <see cref="Training.CpuKernels"/>).</param>
public sealed record RunSettings(
    ScaleProfile Scale,
    string Dataset,
    string? DataDir,
    string Device,
    IReadOnlyList<string> Recipes,
    long Seed,
    string Out,
    int Threads,
    string? Store = null,
    int Queries = QueryGrid.DefaultQueries,
    int BootstrapReplicates = Metrics.PairedBootstrap.DefaultReplicates,
    string CpuKernels = Training.CpuKernels.Portable)
{
    public const int MinModels = 4;

    /// <summary>The most models per recipe (the paper trains 256; the keep matrix and the scores grow with it).</summary>
    public const int MaxModels = 4096;

    /// <summary>The scale profile named <paramref name="scale"/> with the command line's overrides applied (null keeps the profile's value).</summary>
    public static ScaleProfile Profile(string scale, int? models = null, int? population = null, int? epochs = null)
    {
        var profile = ScaleProfile.Get(scale);
        return profile with
        {
            Models = models ?? profile.Models,
            Population = population ?? profile.Population,
            Epochs = epochs ?? profile.Epochs,
        };
    }

    /// <summary>
    /// Whether this run is one of its scale's confirming runs: the registered design unchanged (models, population,
    /// epochs, recipes, query views, bootstrap replicates) at one of the master seeds the pre-registration chose to
    /// confirm it. Any other run — another seed, an override — is exploratory, whatever its verdicts.
    /// </summary>
    public bool Confirms
    {
        get
        {
            var design = Registration.Preregistration.Current.Scales.FirstOrDefault(d => d.Name == Scale.Name);
            var registered = ScaleProfile.All.FirstOrDefault(p => p.Name == Scale.Name);
            return design is { Confirmatory: true } && registered is not null && design.ConfirmingSeeds.Contains(Seed)
                && Scale.Models == registered.Models && Scale.Population == registered.Population && Scale.Epochs == registered.Epochs
                && Recipes.SequenceEqual(design.Recipes) && Queries == design.Queries && BootstrapReplicates == design.BootstrapReplicates;
        }
    }

    /// <summary>
    /// Recipes read from recipe files (<see cref="RecipeFile"/>), completed at this run's scale; <see cref="Recipes"/>
    /// names them beside the built-ins, and a name is looked up here before the catalog.
    /// </summary>
    public IReadOnlyList<Recipe> FileRecipes { get; init; } = [];

    /// <summary>The recipe named <paramref name="name"/>: a recipe file's, else the catalog's at the run's scale.</summary>
    public Recipe RecipeNamed(string name) =>
        RecipeCatalog.Find(name, Scale, FileRecipes);

    /// <summary>The query views of every model: <see cref="Queries"/> views, shifted by the scale's crop padding.</summary>
    public QueryGrid QueryGrid => QueryGrid.For(Queries, Scale);

    /// <summary>The seed of every bootstrap of the run (claims and metric intervals), derived from the master seed.</summary>
    public long BootstrapSeed => DeriveBootstrapSeed(Seed);

    /// <summary>The bootstrap seed of master seed <paramref name="seed"/> (also for <c>miarepro attack --seed</c>).</summary>
    public static long DeriveBootstrapSeed(long seed) => SeedSequence.Derive(seed, "bootstrap");

    /// <summary>
    /// Every problem of these settings, checked before anything expensive runs and listed at once (empty when
    /// they can run). <see cref="Runs.Reproduction"/> refuses settings with problems as a caller's bug.
    /// </summary>
    public IReadOnlyList<SettingProblem> Problems()
    {
        var problems = new List<SettingProblem>();
        void Add(string setting, object? value, string message) =>
            problems.Add(new SettingProblem(setting, value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), message));

        // A blank folder name would mean the current folder, or crash the path checks below: nothing else is checked.
        var blank = new[] { (Setting.Out, (string?)Out), (Setting.Store, Store), (Setting.DataDir, DataDir) }
            .Where(p => p.Item2 is not null && string.IsNullOrWhiteSpace(p.Item2)).ToList();
        foreach (var (setting, path) in blank)
        {
            Add(setting, $"'{path}'", "is empty: name a folder.");
        }

        if (blank.Count > 0)
        {
            return problems;
        }

        if (Scale.Models < MinModels || Scale.Models % 2 != 0)
        {
            Add(Setting.Models, Scale.Models,
                $"leave-one-out LiRA needs an even number of models ≥ {MinModels} " +
                "(each example is IN for exactly half of them, and every target needs IN and OUT shadows).");
        }
        else if (Scale.Models > MaxModels)
        {
            Add(Setting.Models, Scale.Models, $"use at most {MaxModels} models per recipe (the paper trains 256).");
        }

        if (Scale.Population < 10)
        {
            Add(Setting.Population, Scale.Population, "use at least 10 examples.");
        }

        if (Scale.Epochs < 1)
        {
            Add(Setting.Epochs, Scale.Epochs, "use at least 1 epoch.");
        }

        if (Threads < 1)
        {
            Add(Setting.Threads, Threads, "use at least 1 thread.");
        }

        if (Seed < 0)
        {
            Add(Setting.Seed, Seed, "use a seed ≥ 0.");
        }

        if (!QueryGrid.Supported.Contains(Queries))
        {
            Add(Setting.Queries, Queries,
                $"use {QueryGrid.SupportedText} (1: the identity; 2: the identity and the mirror; " +
                "18: both, each at the 9 shifts of the padded crop grid).");
        }

        if (Recipes.Count == 0)
        {
            Add(Setting.Recipes, null, "the list is empty: name at least one recipe.");
        }

        var fromFiles = FileRecipes.Select(r => r.Name).Distinct().ToList();
        foreach (var name in Recipes.Where(r => !RecipeCatalog.Contains(r) && !fromFiles.Contains(r)))
        {
            Add(Setting.Recipes, null, $"unknown recipe '{name}'. Valid recipes: {string.Join(", ", RecipeCatalog.Names.Concat(fromFiles))}.");
        }

        foreach (var file in FileRecipes.Where(r => RecipeCatalog.Contains(r.Name)))
        {
            var builtIn = RecipeCatalog.Create(file.Name, Scale).Hash;
            if (builtIn != file.Hash)
            {
                Add(Setting.RecipeFiles, null,
                    $"the recipe '{file.Name}' has a built-in recipe's name but other settings (hash {file.Hash}; the built-in's is {builtIn}): give it a name of its own.");
            }
        }

        foreach (var name in FileRecipes.GroupBy(r => r.Name).Where(g => g.Select(r => r.Hash).Distinct().Count() > 1).Select(g => g.Key))
        {
            Add(Setting.RecipeFiles, null, $"the recipe '{name}' is defined twice with different settings: give each its own name.");
        }

        foreach (var name in Recipes.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Add(Setting.Recipes, null, $"'{name}' is named twice.");
        }

        if (!DatasetLoader.Names.Contains(Dataset))
        {
            Add(Setting.Dataset, null, $"unknown dataset '{Dataset}'. Valid datasets: {string.Join(", ", DatasetLoader.Names)}.");
        }
        else if (DatasetLoader.FolderProblem(Dataset, DataDir) is { } folder)
        {
            problems.Add(folder);
        }

        if (!Training.CpuKernels.IsKnown(CpuKernels))
        {
            Add(Setting.CpuKernels, null, $"unknown CPU kernels '{CpuKernels}'. Valid: {string.Join(", ", Training.CpuKernels.Names)}.");
        }

        if (!DeviceSelector.Names.Contains(Device))
        {
            Add(Setting.Device, null, $"unknown device '{Device}'. Valid devices: {string.Join(", ", DeviceSelector.Names)}.");
        }

        if (Store is not null && File.Exists(Store))
        {
            Add(Setting.Store, Store, "is a file; name a folder.");
        }
        else if (Store is not null && IO.FolderPaths.Within(Store, Out))
        {
            Add(Setting.Store, Store, $"lies inside the output folder {Out}, which a run replaces whole: keep the store apart from the outputs.");
        }
        else if (Store is not null && IO.FolderPaths.CannotWrite(Path.Combine(Store, "tmp")) is { } why)
        {
            Add(Setting.Store, Store, $"cannot be written ({why}): name a store folder you can write to, or run without a store.");
        }

        if (DataDir is not null && IO.FolderPaths.Within(DataDir, Out))
        {
            Add(Setting.DataDir, DataDir, $"lies inside the output folder {Out}, which a run replaces whole: keep the data apart from the outputs.");
        }

        if (File.Exists(Out))
        {
            Add(Setting.Out, Out, "is a file; name a folder.");
        }

        return problems;
    }

    /// <summary>
    /// A guard for the entry points that run these settings: throws <see cref="ArgumentException"/> listing the
    /// <see cref="Problems"/>, because running settings that have problems is the caller's bug — callers check
    /// <see cref="Problems"/> first and report them (the command line: exit code 2, naming the flags).
    /// </summary>
    public void RequireValid()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"The run's settings have problems; check RunSettings.Problems() before running:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems));
        }
    }
}
