namespace MiaRepro.Tests.Layering;

/// <summary>
/// The floors drawn in <c>docs/architecture.md</c>: the lines of its <c>floors</c> block, highest floor first, each
/// <c>N  Namespace, Namespace …</c> (names relative to <c>MiaRepro</c>; <c>(root)</c> is <c>MiaRepro</c> itself).
/// </summary>
public static class ArchitecturePage
{
    public const string RepositoryPath = "docs/architecture.md";

    /// <summary>Each namespace's floor.</summary>
    public static IReadOnlyDictionary<string, int> Floors()
    {
        var lines = File.ReadAllLines(Locate());
        var start = Array.FindIndex(lines, l => l.Trim() == "```floors");
        if (start < 0)
        {
            throw new InvalidDataException($"{RepositoryPath} has no ```floors block.");
        }

        var floors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.Trim() != "```"))
        {
            var parts = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var floor = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var name in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                floors.Add(name == "(root)" ? "MiaRepro" : "MiaRepro." + name, floor);
            }
        }

        return floors;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, RepositoryPath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{RepositoryPath} not found above {AppContext.BaseDirectory}.");
    }
}
