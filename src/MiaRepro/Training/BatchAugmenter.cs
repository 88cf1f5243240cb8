using MiaRepro.Recipes;
using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>
/// Applies a recipe's augmentation to a whole batch at once (no per-image loop). Random draws come from the
/// model's CPU generator, so the same seed gives the same augmented batches on every device.
/// </summary>
public static class BatchAugmenter
{
    public static Tensor Apply(Tensor batch, Augmentation augmentation, Generator generator)
    {
        if (augmentation.IsIdentity)
        {
            return batch.alias();
        }

        using var scope = NewDisposeScope();
        var x = batch;
        if (augmentation.CropPadding > 0)
        {
            x = RandomCrop(x, augmentation.CropPadding, generator);
        }

        if (augmentation.Flip)
        {
            x = RandomFlip(x, generator);
        }

        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Mirror each image (last axis) with probability ½.</summary>
    public static Tensor RandomFlip(Tensor batch, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = batch.shape[0];
        var mirror = (rand(n, generator: generator) < 0.5).to(batch.device).view(n, 1, 1, 1);
        return where(mirror, batch.flip(3), batch).MoveToOuterDisposeScope();
    }

    /// <summary>Reflect-pad by <paramref name="padding"/> pixels, then crop each image back at its own random offset.</summary>
    public static Tensor RandomCrop(Tensor batch, int padding, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (n, c, h, w) = (batch.shape[0], batch.shape[1], batch.shape[2], batch.shape[3]);
        var padded = nn.functional.pad(batch, [padding, padding, padding, padding], TorchSharp.PaddingModes.Reflect);
        var span = (2 * padding) + 1;
        var dy = randint(span, [n], generator: generator).to(batch.device);
        var dx = randint(span, [n], generator: generator).to(batch.device);
        var rows = (dy.view(n, 1) + arange(h, device: batch.device)).view(n, 1, h, 1).expand(n, c, h, w + (2 * padding));
        var cols = (dx.view(n, 1) + arange(w, device: batch.device)).view(n, 1, 1, w).expand(n, c, h, w);
        return padded.gather(2, rows).gather(3, cols).MoveToOuterDisposeScope();
    }
}
