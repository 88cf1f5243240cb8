using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Training;

public sealed class WindowMaxTests
{
    private static int[] Bits(Tensor tensor) =>
        [.. tensor.contiguous().data<float>().ToArray().Select(BitConverter.SingleToInt32Bits)];

    /// <summary>ReLU outputs of images with flat regions: many windows whose maximum ties (zeros and equal positives).</summary>
    private static Tensor Activations(long[] shape, ulong seed)
    {
        using var generator = new Generator(seed);
        using var noise = randn(shape, generator: generator);
        using var flat = rand(shape, generator: generator) < 0.4;
        using var steps = noise.where(flat, 0.75f);
        return nn.functional.relu(steps);
    }

    [Theory]
    [InlineData(2, 1, 4, 4)]
    [InlineData(32, 16, 28, 28)]
    [InlineData(7, 32, 14, 14)]
    [InlineData(3, 3, 2, 6)]
    public void Pooling_equals_max_pool2d_bit_for_bit(long n, long c, long h, long w)
    {
        using var x = Activations([n, c, h, w], seed: 5);

        using var expected = nn.functional.max_pool2d(x, 2);
        using var pooled = WindowMax.Pool2x2(x);

        pooled.shape.Should().Equal(expected.shape);
        Bits(pooled).Should().Equal(Bits(expected));
    }

    [Theory]
    [InlineData(2, 1, 4, 4)]
    [InlineData(32, 16, 28, 28)]
    [InlineData(7, 32, 14, 14)]
    [InlineData(3, 3, 2, 6)]
    public void Differentiable_pooling_equals_max_pool2d_in_values_and_gradients_bit_for_bit(long n, long c, long h, long w)
    {
        using var activations = Activations([n, c, h, w], seed: 7);
        using var generator = new Generator(9);
        using var upstream = randn([n, c, h / 2, w / 2], generator: generator);
        (int[] Values, int[] Gradient) Run(Func<Tensor, Tensor> pool)
        {
            using var x = activations.clone().requires_grad_(true);
            using var y = pool(x);
            y.backward([upstream]);
            return (Bits(y.detach()), Bits(x.grad!));
        }

        var expected = Run(x => nn.functional.max_pool2d(x, 2));
        var pooled = Run(WindowMax.Pool2x2Differentiable);

        pooled.Values.Should().Equal(expected.Values);
        pooled.Gradient.Should().Equal(expected.Gradient, "a window's gradient goes to its first maximum, ties included");
    }

    [Fact]
    public void A_window_keeps_its_maximum_and_a_nan_propagates()
    {
        using var x = tensor(new float[] { 1, 5, 5, 2, -3, -1, -2, float.NaN }, [1, 1, 2, 4]);

        using var pooled = WindowMax.Pool2x2(x);

        var values = pooled.data<float>().ToArray();
        values[0].Should().Be(5);
        float.IsNaN(values[1]).Should().BeTrue();
    }

    [Theory]
    [InlineData(1, 1, 3, 4)]
    [InlineData(1, 1, 4, 5)]
    public void Odd_sides_are_refused(long n, long c, long h, long w)
    {
        using var x = zeros(n, c, h, w);

        var pool = () => WindowMax.Pool2x2(x);
        var differentiable = () => WindowMax.Pool2x2Differentiable(x);

        pool.Should().Throw<ArgumentException>().WithMessage("*even h and w*");
        differentiable.Should().Throw<ArgumentException>().WithMessage("*even h and w*");
    }

    [Theory]
    [InlineData(1, 28, 10)]
    [InlineData(3, 32, 100)]
    public void Small_cnn_inference_gives_the_logits_of_the_autograd_forward_bit_for_bit(int channels, int size, int classes)
    {
        using var generator = new Generator(11);
        using var model = ModelFactory.Create(ModelSpec.SmallCnn, channels, size, size, classes, generator);
        model.eval();
        using var images = Activations([64, channels, size, size], seed: 13);

        using var autograd = model.call(images);
        Tensor inference;
        using (no_grad())
        {
            inference = model.call(images);
        }

        using (inference)
        {
            autograd.requires_grad.Should().BeTrue("the first pass ran with autograd, through the differentiable pooling");
            Bits(inference).Should().Equal(Bits(autograd.detach()));
        }
    }
}
