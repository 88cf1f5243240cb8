namespace MiaRepro.Data;

/// <summary>The folder a dataset is read from, and which setting chose it.</summary>
public sealed record DataDirectory(string Path, DataDirectoryOrigin Origin)
{
    /// <summary>The setting that chose the folder, in the user's words (for messages).</summary>
    public string Describe() => Origin switch
    {
        DataDirectoryOrigin.Option => "the folder given",
        DataDirectoryOrigin.Environment => $"given by {DatasetLoader.EnvironmentVariable}",
        _ => "the default location",
    };
}
