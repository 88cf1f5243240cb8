using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>
/// Weight initializations drawn from the model's own generator. TorchSharp 0.107's <c>nn.init.*_</c> ignore
/// their generator argument, so every draw goes through <c>rand</c>/<c>randn</c> with the generator. Call
/// under <c>no_grad</c>; the order of calls is the order of draws, which a seed's weights depend on.
/// </summary>
internal static class WeightInit
{
    /// <summary>PyTorch's default for Linear and Conv2d: weight, then bias, uniform in ±1/√fan_in.</summary>
    public static void UniformFanIn(Tensor weight, Tensor? bias, long fanIn, Generator generator)
    {
        var bound = 1.0 / Math.Sqrt(fanIn);
        foreach (var p in bias is null ? [weight] : new[] { weight, bias })
        {
            using var u = rand(p.shape, generator: generator);
            p.copy_(u.mul_(2 * bound).sub_(bound));
        }
    }

    /// <summary>PyTorch's default for a Linear layer (as torchvision's ResNet leaves its classifier).</summary>
    public static void Default(Linear linear, Generator generator) =>
        UniformFanIn(linear.weight!, linear.bias, linear.weight!.shape[1], generator);

    /// <summary>
    /// Kaiming-normal with mode fan_out for ReLU, as torchvision's ResNet: N(0, 2 / (out·k·k)). The bias, if
    /// any, is zero.
    /// </summary>
    public static void KaimingNormalFanOut(Conv2d conv, Generator generator)
    {
        var weight = conv.weight!;
        var fanOut = weight.shape[0] * weight.shape[2] * weight.shape[3];
        using var n = randn(weight.shape, generator: generator);
        weight.copy_(n.mul_(Math.Sqrt(2.0 / fanOut)));
        conv.bias?.zero_();
    }

    /// <summary>The identity affine transform: weight 1, bias 0 (no draw).</summary>
    public static void Identity(BatchNorm2d norm)
    {
        norm.weight!.fill_(1);
        norm.bias!.zero_();
    }
}
