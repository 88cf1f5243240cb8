using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>
/// WideResNet (Zagoruyko and Komodakis 2016), the model of the LiRA reference implementation: a 3×3 stem
/// convolution to 16 channels, three groups of <see cref="PreActBlock"/>s of widths w, 2w, 4w (w = 16·k) whose
/// first block halves the resolution from the second group on, a final BN and ReLU, global average pooling and
/// a linear classifier. Convolutions have no bias and are Kaiming-normal (fan_out) initialized, BN starts as
/// the identity and the classifier keeps PyTorch's default; every draw comes from <paramref name="generator"/>.
/// </summary>
public sealed class WideResNet : nn.Module<Tensor, Tensor>
{
    private const int StemChannels = 16;

    private readonly Conv2d _stem;
    private readonly ModuleList<PreActBlock> _blocks;
    private readonly BatchNorm2d _bn;
    private readonly Linear _fc;

    /// <param name="firstChannels">Width of the first group, 16·k (32 for WRN-28-2).</param>
    /// <param name="blocksPerGroup">Blocks of each group, (depth − 4) / 6 (4 for WRN-28-2).</param>
    public WideResNet(int firstChannels, int blocksPerGroup, int channels, int classes, Generator generator)
        : base(nameof(WideResNet))
    {
        _stem = nn.Conv2d(channels, StemChannels, 3, padding: 1, bias: false);
        using (no_grad())
        {
            WeightInit.KaimingNormalFanOut(_stem, generator);
        }

        _blocks = new ModuleList<PreActBlock>();
        var inChannels = StemChannels;
        for (var group = 0; group < 3; group++)
        {
            var outChannels = firstChannels << group;
            for (var b = 0; b < blocksPerGroup; b++)
            {
                var stride = group > 0 && b == 0 ? 2 : 1;
                _blocks.Add(new PreActBlock(inChannels, outChannels, stride, generator));
                inChannels = outChannels;
            }
        }

        _bn = nn.BatchNorm2d(inChannels);
        _fc = nn.Linear(inChannels, classes);
        using (no_grad())
        {
            WeightInit.Identity(_bn);
            WeightInit.Default(_fc, generator);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _stem.call(input);
        foreach (var block in _blocks)
        {
            x = block.call(x);
        }

        x = nn.functional.relu(_bn.call(x));
        x = nn.functional.adaptive_avg_pool2d(x, [1, 1]).flatten(1);
        return _fc.call(x).MoveToOuterDisposeScope();
    }
}
