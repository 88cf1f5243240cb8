using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>
/// ResNet (He et al. 2016) in its CIFAR form, as the paper trains it: a 3×3 stride-1 stem convolution with BN
/// and ReLU and no max-pool, four stages of <see cref="BasicBlock"/>s whose width doubles and whose first block
/// halves the resolution from the second stage on, global average pooling and a linear classifier. Convolutions
/// have no bias and are Kaiming-normal (fan_out) initialized, BN starts as the identity and the classifier keeps
/// PyTorch's default, as torchvision's ResNet; every draw comes from <paramref name="generator"/>.
/// </summary>
public sealed class ResNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _stem;
    private readonly BatchNorm2d _stemBn;
    private readonly ModuleList<BasicBlock> _blocks;
    private readonly Linear _fc;

    /// <param name="firstChannels">Width of the first stage (64 for ResNet-18).</param>
    /// <param name="blocksPerStage">Blocks of each stage ([2, 2, 2, 2] for ResNet-18, [3, 4, 6, 3] for ResNet-34).</param>
    public ResNet(int firstChannels, IReadOnlyList<int> blocksPerStage, int channels, int classes, Generator generator)
        : base(nameof(ResNet))
    {
        _stem = nn.Conv2d(channels, firstChannels, 3, padding: 1, bias: false);
        _stemBn = nn.BatchNorm2d(firstChannels);
        using (no_grad())
        {
            WeightInit.KaimingNormalFanOut(_stem, generator);
            WeightInit.Identity(_stemBn);
        }

        _blocks = new ModuleList<BasicBlock>();
        var inChannels = firstChannels;
        for (var stage = 0; stage < blocksPerStage.Count; stage++)
        {
            var outChannels = firstChannels << stage;
            for (var b = 0; b < blocksPerStage[stage]; b++)
            {
                var stride = stage > 0 && b == 0 ? 2 : 1;
                _blocks.Add(new BasicBlock(inChannels, outChannels, stride, generator));
                inChannels = outChannels;
            }
        }

        _fc = nn.Linear(inChannels, classes);
        using (no_grad())
        {
            WeightInit.Default(_fc, generator);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(_stemBn.call(_stem.call(input)));
        foreach (var block in _blocks)
        {
            x = block.call(x);
        }

        x = nn.functional.adaptive_avg_pool2d(x, [1, 1]).flatten(1);
        return _fc.call(x).MoveToOuterDisposeScope();
    }
}
