using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MiaRepro.Augmentations;

namespace MiaRepro.Recipes;

/// <summary>
/// How one population of models is trained. A recipe is a value: its <see cref="Hash"/> keys every artifact
/// trained from it, so two recipes with the same settings are the same recipe whatever their name.
/// </summary>
/// <param name="Schedule">
/// The learning rate's schedule: null for the per-step cosine every built-in recipe uses (left out of the hash, so
/// the hashes of recipes written before the setting existed stand), else one of <see cref="LearningRateSchedule.Names"/>.
/// </param>
public sealed record Recipe(
    string Name,
    ModelSpec Model,
    int Epochs,
    int BatchSize,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    double LabelSmoothing,
    Augmentation Augmentation,
    EarlyStopping? EarlyStopping,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Schedule = null)
{
    /// <summary>First 16 hex digits of the SHA-256 of the recipe's settings (its name excluded).</summary>
    [JsonIgnore]
    public string Hash
    {
        get
        {
            var settings = this with { Name = string.Empty };
            var json = JsonSerializer.Serialize(settings);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        }
    }
}
