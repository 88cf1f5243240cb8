namespace MiaRepro.Cli;

/// <summary>
/// The output group's one default. <c>--out</c> is declared by each command that writes, because what it names
/// differs: a run's outputs (<c>reproduce</c>, <c>merge</c>, <c>attack</c>: <see cref="Folder"/>), a stability
/// folder, a shard's folder, an export.
/// </summary>
public static class OutputDefaults
{
    public const string Folder = "out";
}
