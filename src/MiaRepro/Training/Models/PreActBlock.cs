using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>
/// WideResNet's pre-activation block (Zagoruyko and Komodakis 2016; He et al. 2016b): BN → ReLU → conv3×3 →
/// BN → ReLU → conv3×3, plus the input. When the block changes the stride or the width, the shortcut is a
/// 1×1 convolution of the activated input. No dropout, no convolution biases.
/// </summary>
internal sealed class PreActBlock : nn.Module<Tensor, Tensor>
{
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn2;
    private readonly Conv2d _conv2;
    private readonly Conv2d? _shortcut;

    public PreActBlock(int inChannels, int outChannels, int stride, Generator generator)
        : base(nameof(PreActBlock))
    {
        _bn1 = nn.BatchNorm2d(inChannels);
        _conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(outChannels);
        _conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        if (stride != 1 || inChannels != outChannels)
        {
            _shortcut = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
        }

        RegisterComponents();

        using (no_grad())
        {
            WeightInit.Identity(_bn1);
            WeightInit.KaimingNormalFanOut(_conv1, generator);
            WeightInit.Identity(_bn2);
            WeightInit.KaimingNormalFanOut(_conv2, generator);
            if (_shortcut is not null)
            {
                WeightInit.KaimingNormalFanOut(_shortcut, generator);
            }
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var activated = nn.functional.relu(_bn1.call(input));
        var x = _conv1.call(activated);
        x = _conv2.call(nn.functional.relu(_bn2.call(x)));
        var shortcut = _shortcut is null ? input : _shortcut.call(activated);
        return x.add_(shortcut).MoveToOuterDisposeScope();
    }
}
