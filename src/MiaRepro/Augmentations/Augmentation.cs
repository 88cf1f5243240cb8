using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// The augmentation pipeline of a recipe: its steps, applied in order to whole training batches.
/// At most one step mixes the batch (MixUp or CutMix), and it comes last.
/// </summary>
public sealed record Augmentation
{
    public Augmentation(IReadOnlyList<AugmentationStep> steps)
    {
        var mixing = steps.Select((s, i) => (s, i)).Where(p => p.s.MixesBatch).ToList();
        if (mixing.Count > 1 || (mixing.Count == 1 && mixing[0].i != steps.Count - 1))
        {
            throw new ArgumentException(
                $"Augmentation [{string.Join(", ", steps.Select(s => s.Name))}]: at most one batch-mixing step, as the last step.");
        }

        Steps = steps;
    }

    public static Augmentation None { get; } = new([]);

    public IReadOnlyList<AugmentationStep> Steps { get; }

    [JsonIgnore]
    public bool IsIdentity => Steps.Count == 0;

    /// <summary>The steps' names joined by '+', or "none".</summary>
    public override string ToString() => IsIdentity ? "none" : string.Join("+", Steps.Select(s => s.Name));

    public AugmentedBatch Apply(Tensor images, Tensor labels, Generator generator)
    {
        var batch = new AugmentedBatch(images, labels);
        foreach (var step in Steps)
        {
            batch = step.Apply(batch, generator);
        }

        return batch;
    }

    public bool Equals(Augmentation? other) => other is not null && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => Steps.Aggregate(0, (h, s) => HashCode.Combine(h, s));
}
