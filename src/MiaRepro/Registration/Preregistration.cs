using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MiaRepro.Registration;

/// <summary>
/// The committed pre-registration, <c>claims/preregistration.json</c> (embedded in the library): per claim its
/// statement, measure, recipes, direction and thresholds, and per scale the design (recipes, models, population,
/// test set, replicates, query views, attack). The claims and the scales' designs are built from it, and its SHA-256
/// is written beside every verdict (results.json, report.md, the baselines), so a reader can tell which registered
/// design a verdict was decided under.
/// </summary>
/// <param name="Sha256">SHA-256 of the file's bytes (line endings as LF), lowercase hex.</param>
public sealed record Preregistration(
    string Format,
    int Version,
    string Written,
    string Status,
    double Fpr,
    IReadOnlyList<RegisteredClaim> Claims,
    IReadOnlyList<RegisteredDesign> Scales,
    string Sha256)
{
    public const string ExpectedFormat = "miarepro-preregistration-v1";

    /// <summary>Where the file lives in the repository.</summary>
    public const string RepositoryPath = "claims/preregistration.json";

    private const string ResourceName = "MiaRepro.preregistration.json";

    private static readonly Lazy<Preregistration> s_current = new(LoadEmbedded);

    /// <summary>The pre-registration this build decides its claims under.</summary>
    public static Preregistration Current => s_current.Value;

    /// <summary>The first 12 hex digits of <see cref="Sha256"/>, for tables.</summary>
    public string ShortHash => Sha256[..12];

    public RegisteredClaim Claim(string id) =>
        Claims.FirstOrDefault(c => c.Id == id)
        ?? throw new InvalidOperationException($"{RepositoryPath} registers no claim {id}.");

    public RegisteredDesign Scale(string name) =>
        Scales.FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"{RepositoryPath} registers no design for the scale {name}.");

    /// <summary>Parses a pre-registration from its bytes; a malformed file throws with what is wrong.</summary>
    public static Preregistration Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var file = JsonSerializer.Deserialize<FileLayout>(text, s_json)
            ?? throw new InvalidDataException($"{RepositoryPath} is empty.");
        if (file.Format != ExpectedFormat)
        {
            throw new InvalidDataException($"{RepositoryPath} has format '{file.Format}'; this build reads {ExpectedFormat}.");
        }

        var claims = file.Claims ?? throw new InvalidDataException($"{RepositoryPath} lists no claims.");
        var scales = file.Scales ?? throw new InvalidDataException($"{RepositoryPath} lists no scales.");
        if (claims.Select(c => c.Id).Distinct().Count() != claims.Count || scales.Select(s => s.Name).Distinct().Count() != scales.Count)
        {
            throw new InvalidDataException($"{RepositoryPath} registers a claim or a scale twice.");
        }

        return new Preregistration(
            file.Format, file.Version, file.Written ?? string.Empty, file.Status ?? string.Empty,
            file.OperatingPoint?.Fpr ?? throw new InvalidDataException($"{RepositoryPath} has no operating_point.fpr."),
            claims, scales, sha);
    }

    private static Preregistration LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build embeds no {RepositoryPath}.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.ToArray());
    }

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    private sealed record FileLayout(
        string Format, int Version, string? Written, string? Status, OperatingPointLayout? OperatingPoint,
        List<RegisteredClaim>? Claims, List<RegisteredDesign>? Scales);

    private sealed record OperatingPointLayout(double Fpr);
}
