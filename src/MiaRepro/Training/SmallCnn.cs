using MiaRepro.Recipes;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>
/// Two 3×3 convolution blocks (conv → ReLU → 2×2 max-pool) and a two-layer classifier, for 28×28 or 32×32
/// inputs. Weights are drawn from the model's own generator (PyTorch's default uniform ±1/√fan_in), never
/// from the global RNG.
/// </summary>
public sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;
    private readonly Linear _fc1;
    private readonly Linear _fc2;

    public SmallCnn(ModelSpec spec, int channels, int height, int width, int classes, Generator generator)
        : base(nameof(SmallCnn))
    {
        if (height % 4 != 0 || width % 4 != 0)
        {
            throw new ArgumentException($"SmallCnn needs sides divisible by 4, got {height}×{width}.");
        }

        _conv1 = nn.Conv2d(channels, spec.Channels1, 3, padding: 1);
        _conv2 = nn.Conv2d(spec.Channels1, spec.Channels2, 3, padding: 1);
        var flat = spec.Channels2 * (height / 4) * (width / 4);
        _fc1 = nn.Linear(flat, spec.Hidden);
        _fc2 = nn.Linear(spec.Hidden, classes);
        RegisterComponents();

        using (no_grad())
        {
            Initialize(_conv1.weight!, _conv1.bias, channels * 9, generator);
            Initialize(_conv2.weight!, _conv2.bias, spec.Channels1 * 9, generator);
            Initialize(_fc1.weight!, _fc1.bias, flat, generator);
            Initialize(_fc2.weight!, _fc2.bias, spec.Hidden, generator);
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.max_pool2d(nn.functional.relu(_conv1.call(input)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(_conv2.call(x)), 2);
        x = nn.functional.relu(_fc1.call(x.flatten(1)));
        return _fc2.call(x).MoveToOuterDisposeScope();
    }

    private static void Initialize(Tensor weight, Tensor? bias, long fanIn, Generator generator)
    {
        // torch.nn.init.uniform_ ignores its generator argument in TorchSharp 0.107, so draw with rand.
        var bound = 1.0 / Math.Sqrt(fanIn);
        foreach (var p in bias is null ? [weight] : new[] { weight, bias })
        {
            using var u = rand(p.shape, generator: generator);
            p.copy_(u.mul_(2 * bound).sub_(bound));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _conv2.Dispose();
            _fc1.Dispose();
            _fc2.Dispose();
        }

        base.Dispose(disposing);
    }
}
