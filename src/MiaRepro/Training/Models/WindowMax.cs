using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>
/// 2×2 max-pooling with stride 2 for inference, as two elementwise maxima over strided views (the column pairs of
/// each row, then the row pairs): the same values as <c>max_pool2d(x, 2)</c>, bit for bit, since a maximum is exact,
/// at a fifth of its cost on CPU, where libtorch's channels-first pooling kernel is scalar (measured on one thread,
/// 1,000 × 16 × 28 × 28 floats: 1.5 s per 10,000 images against 0.27 s). Only for tensors that need no gradient:
/// <c>max_pool2d</c> routes a window's gradient to its first maximum, <c>maximum</c> splits it between ties, so
/// training keeps <c>max_pool2d</c>. The one difference, the sign of a zero when +0 and −0 tie in a window, cannot
/// reach a logit of the networks that use it (a zero only ever enters a sum with a nonzero bias).
/// </summary>
public static class WindowMax
{
    /// <summary>The 2×2, stride-2 maximum of <paramref name="images"/> [n, c, h, w] with even h and w: [n, c, h/2, w/2].</summary>
    public static Tensor Pool2x2(Tensor images)
    {
        if (images.ndim != 4 || images.shape[2] % 2 != 0 || images.shape[3] % 2 != 0)
        {
            throw new ArgumentException(
                $"2×2 pooling needs [n, c, h, w] with even h and w, got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        var (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        using var pairs = images.view(n, c, h, w / 2, 2);
        using var left = pairs.select(4, 0);
        using var right = pairs.select(4, 1);
        using var columns = maximum(left, right); // [n, c, h, w/2]
        using var rows = columns.view(n, c, h / 2, 2, w / 2);
        using var top = rows.select(3, 0);
        using var bottom = rows.select(3, 1);
        return maximum(top, bottom);
    }
}
