using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiaRepro.Claims;
using MiaRepro.Reports;

namespace MiaRepro.Coverage;

/// <summary>
/// One population of a design as its run wrote it in <c>results.json</c>: its master seed, the design it was run
/// under, and its claims with every part's effect and a ratio's two sides (what a replicated design pools).
/// </summary>
/// <param name="Source">The results.json it was read from.</param>
/// <param name="Seed">The population's master seed (a replicate's own seed).</param>
/// <param name="Design">The design in words: dataset, models per recipe, population, epochs, queries, recipes with their hashes and the pre-registration.</param>
public sealed record MeasuredPopulation(string Source, long Seed, string Design, IReadOnlyList<ClaimResult> Claims)
{
    /// <summary>The largest results.json read (a paper-scale run's is a few MiB; this bounds the allocation).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The populations in <paramref name="folders"/>: a run's output folder (results.json), a replicated run's
    /// (claims.json and replicate-r/) or a stability run's (stability.json and seed-S/), each expanded to its populations.
    /// </summary>
    /// <exception cref="InputException">A folder holds none of them, or a results.json is unreadable or not MiaRepro's.</exception>
    public static IReadOnlyList<MeasuredPopulation> ReadAll(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        return [.. folders.SelectMany(Expand).Select(Read)];
    }

    /// <summary>
    /// Why <paramref name="populations"/> cannot measure one design's coverage, or null: they must be independent
    /// populations (distinct master seeds) of one design (same dataset, sizes, recipes and pre-registration).
    /// </summary>
    public static string? Problem(IReadOnlyList<MeasuredPopulation> populations)
    {
        ArgumentNullException.ThrowIfNull(populations);
        if (populations.Count == 0)
        {
            return "no populations were given";
        }

        if (populations.FirstOrDefault(p => p.Design != populations[0].Design) is { } other)
        {
            return $"{other.Source} is of another design than {populations[0].Source}: {other.Design} against {populations[0].Design}; give populations of one design";
        }

        var repeated = populations.GroupBy(p => p.Seed).FirstOrDefault(g => g.Count() > 1);
        return repeated is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"master seed {repeated.Key} is given twice ({string.Join(", ", repeated.Select(p => p.Source))}): the populations must be independent; give each once");
    }

    private static IEnumerable<string> Expand(string folder)
    {
        if (File.Exists(Path.Combine(folder, ResultsJsonExporter.FileName)))
        {
            return [Path.Combine(folder, ResultsJsonExporter.FileName)];
        }

        // A replicated or stability run's folder: its own summary file, and its populations in the folders its layout owns.
        var layout = new[] { ("claims.json", OutputLayout.Replicated), ("stability.json", OutputLayout.Stability) }
            .FirstOrDefault(k => File.Exists(Path.Combine(folder, k.Item1))).Item2;
        var found = layout is null
            ? []
            : Directory.GetDirectories(folder)
                .Where(d => layout.Owns(Path.GetFileName(d)))
                .Select(d => Path.Combine(d, ResultsJsonExporter.FileName))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal)
                .ToList();
        return found.Count > 0
            ? found
            : throw new InputException(
                $"{folder}: no {ResultsJsonExporter.FileName}, and not a replicated run's folder (claims.json, replicate-r/) or a stability run's " +
                "(stability.json, seed-S/). Name the output folder of a finished reproduction or stability run.");
    }

    /// <summary>Reads one results.json.</summary>
    /// <exception cref="InputException">Unreadable, too large, or without the fields a reproduction writes.</exception>
    public static MeasuredPopulation Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonObject json;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture, $"{path} is {length:N0} bytes, more than the {MaxBytes:N0} a results.json can be; name a MiaRepro run's output folder."));
            }

            json = JsonNode.Parse(File.ReadAllText(path), documentOptions: IO.JsonText.Strict) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InputException($"{path} is unreadable ({e.Message}); run that reproduction again.", e);
        }

        try
        {
            return new MeasuredPopulation(path, Value<long>(json, "seed"), DesignOf(json), [.. Array(json, "claims").Select(Claim)]);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new InputException(
                $"{path} is not a reproduction's results.json of this MiaRepro ({e.Message}); run that reproduction again with this version.", e);
        }
    }

    private static string DesignOf(JsonObject json)
    {
        var recipes = (json["recipes"] as JsonObject ?? throw new FormatException("no recipes"))
            .Select(r => $"{r.Key} ({Value<string>(r.Value as JsonObject ?? throw new FormatException($"recipe {r.Key} is not an object"), "recipe_hash")})");
        var registration = json["preregistration"] as JsonObject ?? throw new FormatException("no preregistration");
        return string.Create(CultureInfo.InvariantCulture,
            $"dataset {Value<string>(json, "dataset")}, {Value<int>(json, "models_per_recipe")} models per recipe, population {Value<int>(json, "population")}, " +
            $"{Value<int>(json, "epochs")} epochs, {Value<int>(json, "queries")} queries, recipes {string.Join(", ", recipes)}, " +
            $"pre-registration version {Value<int>(registration, "version")} ({Value<string>(registration, "sha256")})");
    }

    private static ClaimResult Claim(JsonNode? node)
    {
        var c = node as JsonObject ?? throw new FormatException("a claim is not an object");
        var id = Value<string>(c, "id");
        return new ClaimResult(id, Value<string>(c, "statement"), Verdict.Inconclusive, Number(c, "effect"), null, Number(c, "threshold") ?? 0, Value<string>(c, "measure"), string.Empty)
        {
            Ratio = Value<bool>(c, "ratio"),
            Sides = Sides(c),
            Parts = [.. Array(c, "parts").Select(p => p as JsonObject ?? throw new FormatException($"a part of {id} is not an object")).Select(p =>
                new ClaimPart(Value<string>(p, "name"), Value<string>(p, "measure"), Number(p, "effect"), null, Number(p, "threshold"), null)
                {
                    Ratio = Value<bool>(p, "ratio"),
                    Sides = Sides(p),
                })],
        };
    }

    private static (double Numerator, double Denominator)? Sides(JsonObject node) =>
        node["sides"] switch
        {
            null => null,
            JsonArray { Count: 2 } s when s[0] is not null && s[1] is not null => (s[0]!.GetValue<double>(), s[1]!.GetValue<double>()),
            _ => throw new FormatException("sides is not [numerator, denominator]"),
        };

    private static double? Number(JsonObject node, string key) => node[key]?.GetValue<double>();

    private static T Value<T>(JsonObject node, string key) =>
        (node[key] ?? throw new FormatException($"no {key}")).GetValue<T>();

    private static JsonArray Array(JsonObject node, string key) =>
        node[key] as JsonArray ?? throw new FormatException($"no {key} list");
}
