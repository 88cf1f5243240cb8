using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static System.FormattableString;
using MiaRepro.Augmentations;

namespace MiaRepro.Recipes;

/// <summary>
/// Recipes as data (docs/recipes.md#recipe-files): a JSON file of named recipes, each composing the augmentation steps
/// with their parameters, early stopping, label smoothing and the optimizer, epoch and batch settings. What a recipe
/// leaves out comes from the run's scale, so a file recipe with a built-in's settings is that recipe: the same
/// <see cref="Recipe.Hash"/>, and so the same stored models. Every mistake is refused with the file, the key (as a path
/// such as <c>recipes[0].augmentation[1].padding</c>) and the valid keys, names or range.
/// </summary>
public static partial class RecipeFile
{
    /// <summary>The value of the file's <c>format</c> key.</summary>
    public const string Format = "miarepro-recipes-v1";

    /// <summary>snake_case names, indented: how MiaRepro writes JSON for people (as <c>IO/JsonText</c>, a floor above this one).</summary>
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private static readonly string[] s_fileKeys = ["format", "recipes"];

    private static readonly string[] s_recipeKeys =
        ["name", "model", "epochs", "batch_size", "learning_rate", "schedule", "momentum", "weight_decay", "label_smoothing", "augmentation", "early_stopping"];

    private static readonly string[] s_modelKeys = ["architecture", "width", "depth", "hidden"];

    private static readonly string[] s_stoppingKeys = ["monitor", "patience", "min_delta", "restore_best_weights"];

    private static readonly Dictionary<string, StopMonitor> s_monitors = new(StringComparer.Ordinal)
    {
        ["validation_loss"] = StopMonitor.ValidationLoss,
        ["validation_accuracy"] = StopMonitor.ValidationAccuracy,
    };

    /// <summary>Each step's name, its parameter keys, and how it is read (defaults from the scale where the catalog takes them from it).</summary>
    private static readonly (string Name, string[] Keys, Func<Entry, ScaleProfile, AugmentationStep> Read)[] s_steps =
    [
        (FlipStep.StepName, [], (_, _) => new FlipStep()),
        (CropStep.StepName, ["padding"], (e, p) => new CropStep(e.Int("padding", p.CropPadding, 1, 16))),
        (CutoutStep.StepName, ["size"], (e, p) => new CutoutStep(e.Int("size", p.CutoutSize, 1, 64))),
        (AutoAugmentStep.StepName, [], (_, _) => new AutoAugmentStep()),
        (RandAugmentStep.StepName, ["ops", "magnitude"], (e, _) => new RandAugmentStep(e.Int("ops", 2, 1, 14), e.Int("magnitude", 9, 0, RandAugmentStep.MagnitudeBins - 1))),
        (TrivialAugmentStep.StepName, [], (_, _) => new TrivialAugmentStep()),
        (AugMixStep.StepName, ["severity", "width", "depth", "alpha"], (e, _) => new AugMixStep(
            e.Int("severity", 3, 1, AugMixStep.MaxSeverity), e.Int("width", 3, 1, 10), e.AugMixDepth(), e.Double("alpha", 1.0, 0, 100, exclusiveMin: true))),
        (MixUpStep.StepName, ["alpha"], (e, _) => new MixUpStep(e.Double("alpha", 1.0, 0, 100, exclusiveMin: true))),
        (CutMixStep.StepName, ["alpha"], (e, _) => new CutMixStep(e.Double("alpha", 1.0, 0, 100, exclusiveMin: true))),
    ];

    /// <summary>The largest recipe file read (1 MiB: a recipe written out in full takes about a kilobyte).</summary>
    public const long MaxBytes = 1L << 20;

    /// <summary>The most recipes in one file (a run trains each recipe's population; the paper's grid has 14).</summary>
    public const int MaxRecipes = 256;

    /// <summary>The most augmentation steps in one recipe (the catalog's longest has 3).</summary>
    public const int MaxSteps = 32;

    /// <summary>The step names a file may use, in the catalog's order.</summary>
    public static IReadOnlyList<string> StepNames { get; } = [.. s_steps.Select(s => s.Name)];

    /// <summary>The recipes of the file at <paramref name="path"/>, completed from <paramref name="scale"/>.</summary>
    /// <exception cref="InputException">The file cannot be read, is not JSON, or breaks the schema (the message names the file and the key).</exception>
    public static IReadOnlyList<Recipe> Read(string path, ScaleProfile scale)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scale);
        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new InputException(Invariant(
                    $"Recipe file {path} has {length:N0} bytes, more than a recipe file may ({MaxBytes:N0}; a recipe takes about a kilobyte): split it or name fewer recipes."));
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Recipe file {path} cannot be read: {e.Message}", e);
        }

        return Parse(text, path, scale);
    }

    /// <summary>The recipes of <paramref name="json"/>, a recipe file's text; <paramref name="path"/> names it in errors.</summary>
    public static IReadOnlyList<Recipe> Parse(string json, string path, ScaleProfile scale)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(scale);
        if (json.Length > MaxBytes)
        {
            throw new InputException(Invariant($"Recipe file {path} has {json.Length:N0} characters, more than a recipe file may ({MaxBytes:N0}): split it or name fewer recipes."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InputException($"Recipe file {path} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var file = new Entry(path, "the top level", document.RootElement, s_fileKeys);
            var format = file.String("format");
            if (format != Format)
            {
                throw file.Problem("format", $"is '{format}'; this MiaRepro reads \"{Format}\".");
            }

            var list = file.Array("recipes");
            if (list.Count == 0)
            {
                throw file.Problem("recipes", "is empty: a recipe file holds at least one recipe.");
            }

            if (list.Count > MaxRecipes)
            {
                throw file.Problem("recipes", Invariant($"holds {list.Count:N0} recipes, more than a run trains ({MaxRecipes}): split the file."));
            }

            var recipes = list.Select((e, i) => ReadRecipe(new Entry(path, $"recipes[{i}]", e, s_recipeKeys), scale)).ToList();
            if (recipes.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new InputException($"Recipe file {path}: the name '{twice.Key}' is given to {twice.Count()} recipes; give each recipe its own name.");
            }

            return recipes;
        }
    }

    /// <summary>
    /// A recipe file holding <paramref name="recipes"/> with every setting written out, to start from: reading it back
    /// at the scale they were made for gives the same recipes (and hashes).
    /// </summary>
    public static string Write(IEnumerable<Recipe> recipes)
    {
        ArgumentNullException.ThrowIfNull(recipes);
        var json = new JsonObject
        {
            ["format"] = Format,
            ["recipes"] = new JsonArray([.. recipes.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["model"] = new JsonObject
                {
                    ["architecture"] = r.Model.Architecture, ["width"] = r.Model.Width, ["depth"] = r.Model.Depth, ["hidden"] = r.Model.Hidden,
                },
                ["epochs"] = r.Epochs,
                ["batch_size"] = r.BatchSize,
                ["learning_rate"] = r.LearningRate,
                ["schedule"] = r.Schedule ?? LearningRateSchedule.Cosine,
                ["momentum"] = r.Momentum,
                ["weight_decay"] = r.WeightDecay,
                ["label_smoothing"] = r.LabelSmoothing,
                ["augmentation"] = new JsonArray([.. r.Augmentation.Steps.Select(StepJson)]),
                ["early_stopping"] = r.EarlyStopping is not { } stop ? null : new JsonObject
                {
                    ["monitor"] = MonitorName(stop.Monitor),
                    ["patience"] = stop.Patience,
                    ["min_delta"] = stop.MinDelta,
                    ["restore_best_weights"] = stop.RestoreBestWeights,
                },
            })]),
        };
        return json.ToJsonString(s_json) + Environment.NewLine;
    }

    /// <summary>A step's parameters as a recipe file names them (<c>padding</c> 2), without the step's name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parameters(AugmentationStep step) =>
        [.. StepJson(step).AsObject().Where(p => p.Key != "step").Select(p => KeyValuePair.Create(p.Key, p.Value!.ToJsonString()))];

    /// <summary>The monitor as a recipe file names it: <c>validation_loss</c> or <c>validation_accuracy</c>.</summary>
    public static string MonitorName(StopMonitor monitor) => s_monitors.Single(m => m.Value == monitor).Key;

    /// <summary>A step as JSON: <c>{ "step": "crop", "padding": 2 }</c> (the discriminator and the parameters of its hash, snake_case).</summary>
    private static JsonNode StepJson(AugmentationStep step) => JsonSerializer.SerializeToNode(step, s_json)!;

    private static Recipe ReadRecipe(Entry e, ScaleProfile scale)
    {
        var name = e.String("name");
        if (!NamePattern().IsMatch(name))
        {
            throw e.Problem("name", $"'{name}' is not a recipe name: use 1–64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit (it names the recipe's folder).");
        }

        return new Recipe(
            Name: name,
            Model: e.Object("model", s_modelKeys) is { } m ? ReadModel(m) : scale.Model,
            Epochs: e.Int("epochs", scale.Epochs, 1, 100_000),
            BatchSize: e.Int("batch_size", scale.BatchSize, 1, 65_536),
            LearningRate: e.Double("learning_rate", scale.LearningRate, 0, 10, exclusiveMin: true),
            Momentum: e.Double("momentum", scale.Momentum, 0, 1, exclusiveMax: true),
            WeightDecay: e.Double("weight_decay", scale.WeightDecay, 0, 1, exclusiveMax: true),
            LabelSmoothing: e.Double("label_smoothing", 0, 0, 1, exclusiveMax: true),
            Augmentation: ReadAugmentation(e, scale),
            EarlyStopping: e.Object("early_stopping", s_stoppingKeys) is { } s ? ReadStopping(s, scale) : null,
            // The default schedule is null in the recipe (and absent from its hash), however it is spelt.
            Schedule: e.Choice("schedule", LearningRateSchedule.Names, LearningRateSchedule.Cosine) is var schedule && schedule == LearningRateSchedule.Cosine ? null : schedule);
    }

    private static ModelSpec ReadModel(Entry e)
    {
        var architecture = e.Choice("architecture", ModelSpec.Architectures);
        var model = new ModelSpec(architecture, e.Int("width", null, 1, 4096), e.Int("depth", null, 1, 1000), e.Int("hidden", 0, 0, 65_536));
        try
        {
            model.Validate();
        }
        catch (InputException problem)
        {
            throw new InputException($"Recipe file {e.File}: {e.Where}: {problem.Message}", problem);
        }

        return model;
    }

    private static EarlyStopping ReadStopping(Entry e, ScaleProfile scale) => new(
        Patience: e.Int("patience", scale.Patience, 1, 100_000),
        MinDelta: e.Double("min_delta", 0, 0, 1, exclusiveMax: true),
        RestoreBestWeights: e.Bool("restore_best_weights", true),
        Monitor: s_monitors[e.Choice("monitor", [.. s_monitors.Keys], "validation_accuracy")]);

    private static Augmentation ReadAugmentation(Entry recipe, ScaleProfile scale)
    {
        var steps = new List<AugmentationStep>();
        var items = recipe.Array("augmentation", required: false);
        if (items.Count > MaxSteps)
        {
            throw recipe.Problem("augmentation", Invariant($"has {items.Count:N0} steps, more than a recipe may ({MaxSteps})."));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var where = $"{recipe.Where}.augmentation[{i}]";
            var name = new Entry(recipe.File, where, items[i], null).Choice("step", StepNames);
            var (_, keys, read) = s_steps.Single(s => s.Name == name);
            var step = read(new Entry(recipe.File, where, items[i], ["step", .. keys]), scale);
            if (step.MixesBatch && i != items.Count - 1)
            {
                throw new InputException(
                    $"Recipe file {recipe.File}: {recipe.Where}.augmentation: a batch-mixing step ({MixUpStep.StepName}, {CutMixStep.StepName}) comes last, and at most one of them; found '{name}' at position {i}.");
            }

            steps.Add(step);
        }

        return new Augmentation(steps);
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{0,63}\z")]
    private static partial Regex NamePattern();

    /// <summary>One JSON object of the file: its keys checked against the valid ones on arrival, its values read with their ranges.</summary>
    private sealed class Entry
    {
        private readonly JsonElement _element;

        /// <param name="keys">The valid keys; null reads one key and leaves the others for a later check.</param>
        public Entry(string file, string where, JsonElement element, string[]? keys)
        {
            (File, Where, _element) = (file, where, element);
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"Recipe file {file}: {where} is {Kind(element)}; expected an object {{ … }}.");
            }

            var valid = keys ?? [];
            foreach (var property in keys is null ? [] : element.EnumerateObject())
            {
                if (!valid.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new InputException(
                        $"Recipe file {file}: {where}.{property.Name}: unknown key '{property.Name}'. Valid keys here: {string.Join(", ", valid)}.");
                }
            }
        }

        public string File { get; }

        public string Where { get; }

        public InputException Problem(string key, string message) => new($"Recipe file {File}: {Where}.{key} {message}");

        public string String(string key)
        {
            var value = Required(key);
            return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
                ? s
                : throw Problem(key, $"is {Kind(value)}; expected a non-empty string.");
        }

        public string Choice(string key, IReadOnlyList<string> valid, string? fallback = null)
        {
            if (fallback is not null && Optional(key) is null)
            {
                return fallback;
            }

            var value = String(key);
            return valid.Contains(value, StringComparer.Ordinal)
                ? value
                : throw Problem(key, $"'{value}' is unknown. Valid values: {string.Join(", ", valid)}.");
        }

        public int Int(string key, int? fallback, int min, int max)
        {
            if (Optional(key) is not { } value)
            {
                return fallback ?? throw Problem(key, Invariant($"is missing: give an integer from {min} to {max}."));
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
                ? n
                : throw Problem(key, Invariant($"is {Text(value)}; expected an integer from {min} to {max}."));
        }

        public double Double(string key, double fallback, double min, double max, bool exclusiveMin = false, bool exclusiveMax = false)
        {
            if (Optional(key) is not { } value)
            {
                return fallback;
            }

            var range = Invariant($"a number {(exclusiveMin ? ">" : "≥")} {min} and {(exclusiveMax ? "<" : "≤")} {max}");
            return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var x) && double.IsFinite(x)
                && (exclusiveMin ? x > min : x >= min) && (exclusiveMax ? x < max : x <= max)
                ? x
                : throw Problem(key, $"is {Text(value)}; expected {range}.");
        }

        public bool Bool(string key, bool fallback) => Optional(key) switch
        {
            null => fallback,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            var other => throw Problem(key, $"is {Text(other.Value)}; expected true or false."),
        };

        /// <summary>AugMix's depth: −1 (a random 1–3 per chain) or 1–10.</summary>
        public int AugMixDepth()
        {
            var depth = Int("depth", -1, -1, 10);
            return depth != 0 ? depth : throw Problem("depth", "is 0; expected −1 (a random depth of 1–3 per chain) or an integer from 1 to 10.");
        }

        /// <summary>The object at <paramref name="key"/>, or null when it is absent or null.</summary>
        public Entry? Object(string key, string[] keys) =>
            Optional(key) is { } value ? new Entry(File, $"{Where}.{key}", value, keys) : null;

        public IReadOnlyList<JsonElement> Array(string key, bool required = true)
        {
            if (Optional(key) is not { } value)
            {
                return required ? throw Problem(key, "is missing: give a list [ … ].") : [];
            }

            return value.ValueKind == JsonValueKind.Array
                ? [.. value.EnumerateArray()]
                : throw Problem(key, $"is {Kind(value)}; expected a list [ … ].");
        }

        private JsonElement Required(string key) =>
            Optional(key) ?? throw Problem(key, "is missing.");

        private JsonElement? Optional(string key) =>
            _element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };

        private static string Text(JsonElement e) => e.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? e.GetRawText()
            : Kind(e);

    }
}
