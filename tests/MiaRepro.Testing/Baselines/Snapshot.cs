using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MiaRepro.Testing.Baselines;

/// <summary>
/// The key numbers of a result, named, with every digit (a double's shortest round-trip text, so an exact comparison
/// is bit for bit), and its texts (e.g. a verdict): what a baseline file holds. Serialized as LF, UTF-8 JSON with
/// sorted keys, so a diff of two files is a diff of numbers.
/// </summary>
public sealed record Snapshot(IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, double?> Numbers)
{
    public static Snapshot Of(IEnumerable<KeyValuePair<string, string>> texts, IEnumerable<KeyValuePair<string, double?>> numbers) =>
        new(
            new SortedDictionary<string, string>(texts.ToDictionary(), StringComparer.Ordinal),
            new SortedDictionary<string, double?>(numbers.ToDictionary(), StringComparer.Ordinal));

    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("texts");
            foreach (var (key, text) in Texts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, text);
            }

            json.WriteEndObject();
            json.WriteStartObject("numbers");
            foreach (var (key, number) in Numbers.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (number is { } v && double.IsFinite(v))
                {
                    json.WriteNumber(key, v);
                }
                else if (number is { } special)
                {
                    json.WriteString(key, special.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteNull(key);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Reads a baseline file's text; throws <see cref="InputException"/> naming <paramref name="source"/> when it is not one.</summary>
    public static Snapshot FromJson(string text, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var texts = root.GetProperty("texts").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!));
            var numbers = root.GetProperty("numbers").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Number(p.Value)));
            return new Snapshot(
                new SortedDictionary<string, string>(texts.ToDictionary(), StringComparer.Ordinal),
                new SortedDictionary<string, double?>(numbers.ToDictionary(), StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{source} is not a baseline file ({e.Message}); delete it and accept a new one.");
        }
    }

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ => value.GetDouble(),
    };
}
