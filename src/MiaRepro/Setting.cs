namespace MiaRepro;

/// <summary>
/// The names of the settings a <see cref="SettingProblem"/> can be about: those of <c>results.json</c>'s settings
/// where it records them, in snake case.
/// </summary>
public static class Setting
{
    public const string Scale = "scale";
    public const string Dataset = "dataset";
    public const string DataDir = "data_dir";
    public const string PopulationDir = "population_dir";
    public const string Device = "device";
    public const string Recipes = "recipes";
    public const string RecipeFiles = "recipe_files";
    public const string Models = "models";
    public const string Population = "population";
    public const string Epochs = "epochs";
    public const string Seed = "seed";
    public const string Seeds = "seeds";
    public const string Threads = "threads";
    public const string Queries = "queries";
    public const string CpuKernels = "cpu_kernels";
    public const string Store = "store";
    public const string Out = "out";
    public const string Shard = "shard";
    public const string Shards = "shards";
    public const string BootstrapReplicates = "bootstrap_replicates";
    public const string Delta = "delta";
    public const string Runs = "runs";
    public const string DesignReplicates = "design_replicates";
}
