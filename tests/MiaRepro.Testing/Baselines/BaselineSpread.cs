using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiaRepro.Testing.Baselines;

/// <summary>
/// The spread of every snapshotted number across independent trainings — the same design at several master seeds,
/// with the portable CPU kernels — kept in <c>baselines/spread.json</c>. Where training does not repeat bit for bit
/// (native CPU kernels, CUDA), a number matches its baseline when it lies within <see cref="Multiplier"/> standard
/// deviations of it (at least <see cref="Floor"/>): the noise of a retraining, measured, not guessed.
/// </summary>
/// <param name="Seeds">The master seeds the spread was measured over.</param>
/// <param name="Multiplier">Standard deviations a number may move (fixed before any comparison was made).</param>
/// <param name="Floor">The smallest tolerance, for numbers that did not vary across the seeds.</param>
/// <param name="StandardDeviations">Per baseline name, per number: the sample standard deviation (n − 1) across the seeds.</param>
public sealed record BaselineSpread(
    IReadOnlyList<long> Seeds,
    double Multiplier,
    double Floor,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> StandardDeviations)
{
    public const string Format = "miarepro-spread-v1";

    public const string FileName = "spread.json";

    /// <summary>The multiplier of new measurements: 4 standard deviations (with 5 seeds, about 1 false alarm in 200 numbers).</summary>
    public const double DefaultMultiplier = 4;

    /// <summary>The floor of new measurements: 0.001, the resolution of an accuracy on 1,000 images.</summary>
    public const double DefaultFloor = 0.001;

    public Tolerance? ToleranceOf(string name, string key) =>
        StandardDeviations.TryGetValue(name, out var numbers) && numbers.TryGetValue(key, out var sd)
            ? new Tolerance(Math.Max(Multiplier * sd, Floor))
            : null;

    public string Describe() => FormattableString.Invariant(
        $"{Multiplier:0.#} × SD over seeds {string.Join(", ", Seeds)}, at least {Floor:G3}");

    /// <summary>The spread of the snapshots of each baseline name, one snapshot per seed (every seed names the same baselines).</summary>
    public static BaselineSpread Measure(IReadOnlyList<long> seeds, IReadOnlyDictionary<string, IReadOnlyList<Snapshot>> snapshots)
    {
        var deviations = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (name, runs) in snapshots)
        {
            if (runs.Count != seeds.Count || runs.Count < 2)
            {
                throw new ArgumentException($"{name}: {runs.Count} snapshots for {seeds.Count} seeds; the spread needs one per seed, at least two.");
            }

            var numbers = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var key in runs.SelectMany(r => r.Numbers.Keys).Distinct())
            {
                var values = runs.Select(r => r.Numbers.GetValueOrDefault(key)).ToList();
                if (values.All(v => v is { } x && double.IsFinite(x)))
                {
                    numbers[key] = StandardDeviation(values.Select(v => v!.Value).ToList());
                }
            }

            deviations[name] = numbers;
        }

        return new BaselineSpread(seeds, DefaultMultiplier, DefaultFloor, deviations);
    }

    /// <summary>The sample standard deviation (n − 1).</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    public string ToJson(JsonNode? runs = null)
    {
        var baselines = new JsonObject();
        foreach (var (name, numbers) in StandardDeviations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            baselines[name] = new JsonObject([.. numbers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value))]);
        }

        var root = new JsonObject
        {
            ["format"] = Format,
            ["statistic"] = "sample standard deviation (n - 1) of each number across independent trainings at the master seeds below, portable CPU kernels",
            ["seeds"] = new JsonArray([.. Seeds.Select(s => (JsonNode)s)]),
            ["multiplier"] = Multiplier,
            ["floor"] = Floor,
            ["standard_deviations"] = baselines,
        };
        if (runs is not null)
        {
            root["runs"] = runs;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InputException"/> naming it when it is not a spread file.</summary>
    public static BaselineSpread Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(
                $"{path} is missing: the measured spread of the baselines (scripts/measure-spread.sh writes it).");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                throw new FormatException($"format is not {Format}");
            }

            var seeds = root.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt64()).ToList();
            var deviations = root.GetProperty("standard_deviations").EnumerateObject().ToDictionary(
                b => b.Name,
                b => (IReadOnlyDictionary<string, double>)b.Value.EnumerateObject().ToDictionary(n => n.Name, n => n.Value.GetDouble(), StringComparer.Ordinal),
                StringComparer.Ordinal);
            return new BaselineSpread(seeds, root.GetProperty("multiplier").GetDouble(), root.GetProperty("floor").GetDouble(), deviations);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"{path} is not a spread file ({e.Message}); measure it again with scripts/measure-spread.sh."));
        }
    }
}
