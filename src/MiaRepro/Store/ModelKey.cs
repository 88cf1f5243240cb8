using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiaRepro.Store;

/// <summary>
/// Everything a trained model depends on, as the store's key: the training data (dataset content and the
/// split's indices), the model's keep row, the recipe's hash, the model's seed, the query views (count and shift-grid padding), the trainer's
/// code version and the device it ran on (CPU results repeat bit for bit only at the same thread count, so the
/// thread count is part of a CPU key). Two runs that agree on all of it get the same model.
/// </summary>
public sealed record ModelKey(
    string Data,
    string KeepRow,
    string Recipe,
    long Seed,
    int Queries,
    int QueryPadding,
    string Trainer,
    string Device)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>SHA-256 (64 lowercase hex digits) of the key's canonical JSON: the stored model's address.</summary>
    [JsonIgnore]
    public string Hash =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, s_json))));

    /// <summary>SHA-256 (hex) of a keep row, one byte per example.</summary>
    public static string HashKeepRow(ReadOnlySpan<bool> keepRow)
    {
        var bytes = new byte[keepRow.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = keepRow[i] ? (byte)1 : (byte)0;
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
