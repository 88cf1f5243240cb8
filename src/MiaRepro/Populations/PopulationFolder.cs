using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiaRepro.Attacks;
using MiaRepro.IO;
using static System.FormattableString;

namespace MiaRepro.Populations;

/// <summary>
/// One population folder in the layout of docs/attacks.md, trained here or written by another tool: <c>keep.npy</c> bool
/// [models, examples], <c>scores.npy</c> float32 or float64 [models, examples, queries], <c>labels.npy</c> int64
/// [examples], optional <c>logits.npy</c> float32 [models, examples, queries, classes] and optional
/// <c>models.json</c> (<c>{"models": [{"seed", "train_accuracy", "test_accuracy", "stop_epoch"}, …]}</c>).
/// </summary>
/// <param name="Path">The folder read.</param>
/// <param name="Population">The attacks' view; its name is the folder's name.</param>
/// <param name="Models">What <c>models.json</c> says of each model; empty when the folder has no <c>models.json</c>.</param>
public sealed record PopulationFolder(string Path, Population Population, IReadOnlyList<ImportedModel> Models)
{
    public const string KeepFile = "keep.npy";
    public const string ScoresFile = "scores.npy";
    public const string LabelsFile = "labels.npy";
    public const string LogitsFile = "logits.npy";
    public const string ModelsFile = "models.json";

    /// <summary>φ of a recipe's twin models, float64 [twins, examples, queries]; twin t shares keep.npy's row t.</summary>
    public const string TwinScoresFile = "twin_scores.npy";

    /// <summary>
    /// <c>models.json</c>'s fingerprint of the arrays written with it: each file's SHA-256. A folder whose arrays
    /// do not match it mixes two runs' files (a keep.npy of another seed, say) and is refused; a folder without it
    /// (another tool's) is read as it is.
    /// </summary>
    public const string ArraysKey = "arrays";

    /// <summary>The largest <c>models.json</c> read (one of 4,096 models with twins stays far below it).</summary>
    public const long MaxModelsFileBytes = 64L << 20;

    private static readonly string[] s_arrayFiles = [KeepFile, ScoresFile, LabelsFile, LogitsFile, TwinScoresFile];

    /// <summary>Mean train accuracy over the models, or null when <c>models.json</c> does not give it for every model.</summary>
    public double? TrainAccuracy => Mean(m => m.TrainAccuracy);

    /// <summary>Mean test accuracy over the models, or null when <c>models.json</c> does not give it for every model.</summary>
    public double? TestAccuracy => Mean(m => m.TestAccuracy);

    public double? GeneralizationGap => TrainAccuracy - TestAccuracy;

    /// <summary>
    /// Writes a population trained here in this layout: the arrays, and <c>models.json</c> with the recipe, its hash and
    /// every model's record; twins (claim C4) beside the population, not in it, in <see cref="TwinScoresFile"/> and
    /// <c>models.json</c>'s <c>twins</c>.
    /// </summary>
    public static void Write(TrainedPopulation trained, string dir)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var p = trained.Population;
        Npy.Write(System.IO.Path.Combine(dir, KeepFile), NpyArray.Of(p.Keep, p.Models, p.Examples));
        Npy.Write(System.IO.Path.Combine(dir, ScoresFile), NpyArray.Of(p.Scores, p.Models, p.Examples, p.Queries));
        Npy.Write(System.IO.Path.Combine(dir, LabelsFile), NpyArray.Of(p.Labels, p.Examples));
        if (p.Logits is not null)
        {
            Npy.Write(System.IO.Path.Combine(dir, LogitsFile), NpyArray.Of(p.Logits, p.Models, p.Examples, p.Queries, p.Classes));
        }

        var models = new JsonObject
        {
            ["recipe"] = trained.Recipe.Name,
            ["recipe_hash"] = trained.Recipe.Hash,
            ["models"] = JsonSerializer.SerializeToNode(trained.Models, JsonText.SnakeCase),
        };

        // Twin t's index is the model whose keep row it shares.
        if (trained.Twins is { } twins)
        {
            Npy.Write(System.IO.Path.Combine(dir, TwinScoresFile), NpyArray.Of(twins.Scores, twins.Count, p.Examples, p.Queries));
            models["twins"] = JsonSerializer.SerializeToNode(twins.Models, JsonText.SnakeCase);
        }

        var arrays = new JsonObject();
        foreach (var file in s_arrayFiles.Where(f => File.Exists(System.IO.Path.Combine(dir, f))))
        {
            arrays[file] = Sha256(System.IO.Path.Combine(dir, file));
        }

        models[ArraysKey] = arrays;
        AtomicFile.WriteAllText(System.IO.Path.Combine(dir, ModelsFile), models.ToJsonString(JsonText.Indented));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>Refuses a folder whose arrays are not those its <c>models.json</c> was written with (<see cref="ArraysKey"/>).</summary>
    private static void RequireOneRun(string dir, string path, JsonNode? modelsJson)
    {
        if (modelsJson is not JsonObject root || root[ArraysKey] is not JsonObject arrays)
        {
            return;
        }

        foreach (var (file, node) in arrays)
        {
            var arrayPath = System.IO.Path.Combine(dir, file);
            if (!s_arrayFiles.Contains(file) || node?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                throw new InputException($"'{path}': \"{ArraysKey}\" names '{file}', which is not an array of the population layout; fix or remove the key.");
            }

            if (!File.Exists(arrayPath) || Sha256(arrayPath) != node.GetValue<string>())
            {
                throw new InputException(
                    $"'{arrayPath}' is not the array this folder was written with ({(File.Exists(arrayPath) ? "its SHA-256 differs from" : "it is missing, yet listed in")} {ModelsFile}'s \"{ArraysKey}\"): " +
                    $"the folder mixes files of different runs. Copy the whole folder from one run, or remove \"{ArraysKey}\" from {ModelsFile} to attack these files as they are.");
            }
        }
    }

    private static JsonNode ModelsJson(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxModelsFileBytes)
            {
                throw new InputException(Invariant($"'{path}' has {length:N0} bytes, more than a population's models.json ({MaxModelsFileBytes:N0}); fix it or remove the file."));
            }

            return JsonNode.Parse(File.ReadAllText(path), documentOptions: IO.JsonText.Strict) ?? new JsonObject();
        }
        catch (JsonException e)
        {
            throw new InputException($"'{path}' is not readable JSON in the population layout of docs/attacks.md ({e.Message}); fix it or remove the file.", e);
        }
        catch (IOException e)
        {
            throw new InputException($"Cannot read '{path}': {e.Message}", e);
        }
    }

    /// <summary>Reads and checks the folder, including that every model can be attacked leave-one-out.</summary>
    /// <exception cref="InputException">A file is missing or malformed, or the files disagree; the message names the file and the fix.</exception>
    public static PopulationFolder Read(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        if (!Directory.Exists(dir))
        {
            throw new InputException(
                $"Population folder '{dir}' does not exist; pass a folder holding {KeepFile}, {ScoresFile} and {LabelsFile} (docs/attacks.md, \"Attack a population from another tool\").");
        }

        var name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(dir)));
        var keepPath = Required(dir, KeepFile);
        var scoresPath = Required(dir, ScoresFile);
        var labelsPath = Required(dir, LabelsFile);
        var modelsPath = System.IO.Path.Combine(dir, ModelsFile);
        var modelsJson = File.Exists(modelsPath) ? ModelsJson(modelsPath) : null;
        RequireOneRun(dir, modelsPath, modelsJson);

        var keep = Load(keepPath, "bool [models, examples]", 2, NpyDType.Bool);
        int models = keep.Shape[0], examples = keep.Shape[1];
        var scores = Load(scoresPath, "float32 or float64 [models, examples, queries]", 3, NpyDType.Float32, NpyDType.Float64);
        RequireLeadingShape(scores, scoresPath, keepPath, models, examples);
        var queries = scores.Shape[2];
        var labels = Load(labelsPath, "int64 [examples]", 1, NpyDType.Int64);
        if (labels.Shape[0] != examples)
        {
            throw Disagree(labelsPath, labels, keepPath, $"[{examples}]");
        }

        float[]? logits = null;
        var classes = 0;
        var logitsPath = System.IO.Path.Combine(dir, LogitsFile);
        if (File.Exists(logitsPath))
        {
            var array = Load(logitsPath, "float32 [models, examples, queries, classes]", 4, NpyDType.Float32);
            RequireLeadingShape(array, logitsPath, scoresPath, models, examples, queries);
            logits = (float[])array.Data;
            classes = array.Shape[3];
        }

        var labelValues = (long[])labels.Data;
        RequireLabelsInRange(labelValues, labelsPath, classes, logitsPath);
        var scoreValues = scores.Data as double[] ?? Array.ConvertAll((float[])scores.Data, v => (double)v);
        var population = new Population(name, models, examples, queries, (bool[])keep.Data, scoreValues, labelValues, logits, classes);
        Check(scoresPath, () => PopulationValidation.RequireWellFormed(population));
        Check(keepPath, () => PopulationValidation.RequireShadowsForEveryTarget(population));
        Check(keepPath, () => PopulationValidation.RequireMembersAndNonMembersPerModel(population));
        return new PopulationFolder(dir, population, ReadModels(modelsPath, modelsJson, models));
    }

    private double? Mean(Func<ImportedModel, double?> field) =>
        Models.Count > 0 && Models.All(m => field(m) is not null) ? Models.Average(m => field(m)!.Value) : null;

    private static string Required(string dir, string file)
    {
        var path = System.IO.Path.Combine(dir, file);
        return File.Exists(path)
            ? path
            : throw new InputException($"'{path}' is missing; a population folder needs {KeepFile}, {ScoresFile} and {LabelsFile} (docs/attacks.md, \"Attack a population from another tool\"), write it with numpy.save.");
    }

    private static NpyArray Load(string path, string expected, int rank, params NpyDType[] dTypes)
    {
        var array = Npy.Read(path);
        if (!dTypes.Contains(array.DType) || array.Shape.Count != rank)
        {
            throw new InputException(Invariant(
                $"'{path}' is {array.DType.ToString().ToLowerInvariant()} {ShapeText(array.Shape)}; it must be {expected}, rewrite it with numpy.save(path, array.astype(...))."));
        }

        return array;
    }

    private static void RequireLeadingShape(NpyArray array, string path, string otherPath, params int[] leading)
    {
        if (!array.Shape.Take(leading.Length).SequenceEqual(leading))
        {
            throw Disagree(path, array, otherPath, ShapeText(leading) + " first");
        }
    }

    private static InputException Disagree(string path, NpyArray array, string otherPath, string expected) => new(
        $"'{path}' has shape {ShapeText(array.Shape)}, which disagrees with '{otherPath}' (expected {expected}); write both from the same models and examples.");

    private static void RequireLabelsInRange(long[] labels, string labelsPath, int classes, string logitsPath)
    {
        for (var n = 0; n < labels.Length; n++)
        {
            if (labels[n] < 0 || (classes > 0 && labels[n] >= classes))
            {
                var range = classes > 0 ? Invariant($"0 … {classes - 1} (the classes of '{logitsPath}')") : "≥ 0";
                throw new InputException(Invariant(
                    $"'{labelsPath}': label of example {n} is {labels[n]}; labels must be class indices {range}, fix labels.npy."));
            }
        }
    }

    private static void Check(string path, Action check)
    {
        try
        {
            check();
        }
        catch (InputException e)
        {
            throw new InputException($"'{path}': {e.Message}", e);
        }
    }

    /// <param name="modelsJson">The parsed file at <paramref name="path"/>, or null when there is none.</param>
    private static List<ImportedModel> ReadModels(string path, JsonNode? modelsJson, int models)
    {
        if (modelsJson is null)
        {
            return [];
        }

        try
        {
            var list = modelsJson["models"] as JsonArray
                ?? throw new InputException($"'{path}' has no \"models\" array; write {{\"models\": [{{\"seed\": …, \"train_accuracy\": …}}, …]}} or remove the file.");
            if (list.Count != models)
            {
                throw new InputException(Invariant(
                    $"'{path}' describes {list.Count} models but keep.npy has {models}; write one entry per model, in keep.npy's order."));
            }

            return [.. list.Select((node, i) => new ImportedModel(
                i,
                node?["seed"]?.GetValue<long>(),
                node?["train_accuracy"]?.GetValue<double>(),
                node?["test_accuracy"]?.GetValue<double>(),
                node?["stop_epoch"]?.GetValue<int>()))];
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InputException($"'{path}' is not readable JSON in the population layout of docs/attacks.md ({e.Message}); fix it or remove the file.", e);
        }
    }

    private static string ShapeText(IEnumerable<int> shape) => "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
