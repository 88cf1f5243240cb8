using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>
/// <paramref name="blocks"/> 3×3 convolution blocks (conv → ReLU → 2×2 max-pool; <paramref name="firstChannels"/>
/// channels, doubled by each block) and a two-layer classifier with <paramref name="hidden"/> units. Weights are drawn from the model's own
/// generator (PyTorch's default uniform ±1/√fan_in), never from the global RNG, layer by layer in the order
/// of the network.
/// </summary>
public sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Conv2d> _convs;
    private readonly Linear _fc1;
    private readonly Linear _fc2;

    public SmallCnn(int firstChannels, int blocks, int hidden, int channels, int height, int width, int classes, Generator generator)
        : base(nameof(SmallCnn))
    {
        var shrink = 1 << blocks;
        if (height % shrink != 0 || width % shrink != 0)
        {
            throw new InputException(
                $"A small CNN with {blocks} pooling blocks needs image sides divisible by {shrink}, got {height}×{width}.");
        }

        _convs = new ModuleList<Conv2d>();
        var inChannels = channels;
        for (var block = 0; block < blocks; block++)
        {
            var outChannels = firstChannels << block;
            _convs.Add(nn.Conv2d(inChannels, outChannels, 3, padding: 1));
            inChannels = outChannels;
        }

        var flat = (long)inChannels * (height / shrink) * (width / shrink);
        _fc1 = nn.Linear(flat, hidden);
        _fc2 = nn.Linear(hidden, classes);
        RegisterComponents();

        using (no_grad())
        {
            foreach (var conv in _convs)
            {
                WeightInit.UniformFanIn(conv.weight, conv.bias, conv.weight.shape[1] * 9, generator);
            }

            WeightInit.Default(_fc1, generator);
            WeightInit.Default(_fc2, generator);
        }
    }

    /// <summary>
    /// Pooling through <see cref="WindowMax"/>: the values and gradients of <c>max_pool2d</c>, bit for bit, at less than
    /// half its cost; without autograd (evaluation under <c>no_grad</c>) the ReLU also runs in place.
    /// </summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var inference = !is_grad_enabled();
        var x = input;
        foreach (var conv in _convs)
        {
            x = inference
                ? WindowMax.Pool2x2(conv.call(x).relu_())
                : WindowMax.Pool2x2Differentiable(nn.functional.relu(conv.call(x)));
        }

        x = nn.functional.relu(_fc1.call(x.flatten(1)));
        return _fc2.call(x).MoveToOuterDisposeScope();
    }
}
