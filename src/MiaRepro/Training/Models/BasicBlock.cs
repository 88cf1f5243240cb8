using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>
/// ResNet's basic block (He et al. 2016): conv3×3 → BN → ReLU → conv3×3 → BN, plus the input, then ReLU. When
/// the block changes the stride or the width, the shortcut is a 1×1 convolution and BN (projection, option B).
/// </summary>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly Conv2d? _shortcutConv;
    private readonly BatchNorm2d? _shortcutBn;

    public BasicBlock(int inChannels, int outChannels, int stride, Generator generator)
        : base(nameof(BasicBlock))
    {
        _conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        _bn1 = nn.BatchNorm2d(outChannels);
        _conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
        {
            _shortcutConv = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
            _shortcutBn = nn.BatchNorm2d(outChannels);
        }

        RegisterComponents();

        using (no_grad())
        {
            WeightInit.KaimingNormalFanOut(_conv1, generator);
            WeightInit.KaimingNormalFanOut(_conv2, generator);
            if (_shortcutConv is not null)
            {
                WeightInit.KaimingNormalFanOut(_shortcutConv, generator);
            }

            foreach (var norm in new[] { _bn1, _bn2, _shortcutBn })
            {
                if (norm is not null)
                {
                    WeightInit.Identity(norm);
                }
            }
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(_bn1.call(_conv1.call(input)));
        x = _bn2.call(_conv2.call(x));
        var shortcut = _shortcutConv is null ? input : _shortcutBn!.call(_shortcutConv.call(input));
        return nn.functional.relu(x.add_(shortcut)).MoveToOuterDisposeScope();
    }
}
