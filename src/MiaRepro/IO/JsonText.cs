using System.Text.Json;

namespace MiaRepro.IO;

/// <summary>The JSON conventions of MiaRepro's output files: indented, snake_case field names.</summary>
public static class JsonText
{
    /// <summary>Indented, as every JSON file MiaRepro writes for people to read.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>snake_case field names (<c>train_accuracy</c>), as docs/output.md lists them.</summary>
    public static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>How MiaRepro parses the JSON it reads back: a key given twice is an error, not "the last one wins".</summary>
    public static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };
}
