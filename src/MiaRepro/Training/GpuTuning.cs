using TorchSharp;
using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>
/// Speed-ups that only pay on a CUDA device, each a no-op elsewhere so that CPU runs (and their bitwise
/// reproducibility) are untouched.
/// <list type="bullet">
/// <item>TF32 tensor-core math for cuBLAS and cuDNN (<c>torch.backends.cuda.matmul.allow_tf32</c>,
/// <c>torch.backends.cudnn.allow_tf32</c>, the two switches TorchSharp 0.107 exposes).</item>
/// <item>Channels-last (NHWC) layout of convolution weights and image batches, which lets cuDNN pick its
/// tensor-core kernels. TorchSharp 0.107 has a <c>memory_format</c> enum but no <c>contiguous(memory_format)</c>,
/// no <c>Tensor.to(memory_format)</c> and no <c>Module.to(memory_format)</c>; the layout is made here by
/// permuting to NHWC, making that contiguous and permuting the view back (the strides libtorch recognises as
/// channels-last), and installed into a parameter in place with <c>set_</c> so that optimizers keep it.</item>
/// </list>
/// TorchSharp 0.107 has no autocast and no gradient scaler, so automatic mixed precision is not offered here.
/// </summary>
public static class GpuTuning
{
    /// <summary>Whether the speed-ups apply on <paramref name="device"/>: on CUDA only.</summary>
    public static bool Applies(Device device) => device.type == DeviceType.CUDA;

    /// <summary>On CUDA, allows TF32 in cuBLAS matrix products and cuDNN convolutions (process-wide switches).</summary>
    public static void ConfigureBackends(Device device)
    {
        if (!Applies(device))
        {
            return;
        }

        backends.cuda.matmul.allow_tf32 = true;
        backends.cudnn.allow_tf32 = true;
    }

    /// <summary>
    /// On CUDA, re-lays every 4-d parameter of <paramref name="model"/> (the convolution weights) in channels-last
    /// order, in place. Call after moving the model to the device and before creating its optimizer's state.
    /// </summary>
    /// <returns>The number of parameters re-laid (0 off CUDA).</returns>
    public static int PrepareModel(nn.Module model, Device device) => Applies(device) ? ToChannelsLast(model) : 0;

    /// <summary>
    /// On CUDA, a channels-last copy of a batch of images [n, c, h, w] (a new tensor); elsewhere
    /// <paramref name="images"/> itself.
    /// </summary>
    public static Tensor PrepareBatch(Tensor images, Device device) =>
        Applies(device) && images.ndim == 4 ? ToChannelsLast(images) : images;

    /// <summary>A copy of a 4-d tensor with the same shape and values in channels-last (NHWC) memory order, on any device.</summary>
    public static Tensor ToChannelsLast(Tensor tensor)
    {
        if (tensor.ndim != 4)
        {
            throw new ArgumentException($"Channels-last needs a 4-d tensor, got {tensor.ndim} dimensions.", nameof(tensor));
        }

        using var nhwc = tensor.permute(0, 2, 3, 1);
        using var packed = nhwc.contiguous();
        return packed.permute(0, 3, 1, 2);
    }

    /// <summary>Re-lays every 4-d parameter of <paramref name="model"/> in channels-last order in place, on any device.</summary>
    /// <returns>The number of parameters re-laid.</returns>
    public static int ToChannelsLast(nn.Module model)
    {
        var count = 0;
        using var _ = no_grad();
        foreach (var parameter in model.parameters())
        {
            if (parameter.ndim != 4 || IsChannelsLast(parameter))
            {
                continue;
            }

            using var relaid = ToChannelsLast(parameter);
            parameter.set_(relaid);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Re-lays every non-contiguous parameter of <paramref name="model"/> in the default (contiguous) order in place —
    /// what TorchSharp's <c>save</c> needs: it reads each tensor's bytes, which it refuses for a non-contiguous tensor,
    /// and a channels-last CUDA weight stays channels-last when copied to the CPU. A no-op on a model never re-laid
    /// (every CPU run), so CPU weights and their bits are untouched.
    /// </summary>
    /// <returns>The number of parameters re-laid.</returns>
    public static int ToContiguous(nn.Module model)
    {
        var count = 0;
        using var _ = no_grad();
        foreach (var parameter in model.parameters())
        {
            if (parameter.is_contiguous())
            {
                continue;
            }

            using var dense = parameter.contiguous();
            parameter.set_(dense);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Whether a 4-d tensor's strides are those of a dense channels-last (NHWC) layout, ignoring dimensions of
    /// size 1 (whose stride never matters: a contiguous [n, 1, h, w] batch is already channels-last).
    /// </summary>
    public static bool IsChannelsLast(Tensor tensor)
    {
        if (tensor.ndim != 4)
        {
            return false;
        }

        var shape = tensor.shape;
        var stride = tensor.stride();
        var (c, h, w) = (shape[1], shape[2], shape[3]);
        long[] dense = [h * w * c, 1, w * c, c];
        for (var d = 0; d < 4; d++)
        {
            if (shape[d] > 1 && stride[d] != dense[d])
            {
                return false;
            }
        }

        return true;
    }
}
