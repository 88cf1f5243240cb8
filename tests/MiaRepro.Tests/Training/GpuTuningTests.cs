using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Training;
using MiaRepro.Training.Models;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Training;

[Collection(nameof(SerialTorch))]
public sealed class GpuTuningTests
{
    private static readonly ModelSpec s_narrowResNet = ModelSpec.ResNet18 with { Width = 8 };

    private static nn.Module<Tensor, Tensor> Create()
    {
        using var generator = new Generator(3);
        return ModelFactory.Create(s_narrowResNet, 3, 32, 32, 10, generator);
    }

    private static Tensor Images()
    {
        using var generator = new Generator(4);
        return randn([4, 3, 32, 32], generator: generator);
    }

    [Fact]
    public void On_cpu_every_tuning_step_is_a_no_op()
    {
        using var model = Create();
        using var images = Images();
        var strides = model.parameters().Select(p => p.stride()).ToList();
        var (matmulTf32, cudnnTf32) = (backends.cuda.matmul.allow_tf32, backends.cudnn.allow_tf32);

        GpuTuning.ConfigureBackends(CPU);
        var relaid = GpuTuning.PrepareModel(model, CPU);
        var batch = GpuTuning.PrepareBatch(images, CPU);

        GpuTuning.Applies(CPU).Should().BeFalse();
        relaid.Should().Be(0);
        model.parameters().Select(p => p.stride()).Should().BeEquivalentTo(strides, o => o.WithStrictOrdering());
        batch.Should().BeSameAs(images);
        (backends.cuda.matmul.allow_tf32, backends.cudnn.allow_tf32).Should().Be((matmulTf32, cudnnTf32));
    }

    [Fact]
    public void Channels_last_copy_keeps_shape_and_values_with_nhwc_strides()
    {
        using var images = Images();

        using var nhwc = GpuTuning.ToChannelsLast(images);

        GpuTuning.IsChannelsLast(images).Should().BeFalse();
        GpuTuning.IsChannelsLast(nhwc).Should().BeTrue();
        nhwc.shape.Should().Equal(images.shape);
        nhwc.stride().Should().Equal(3 * 32 * 32, 1, 32 * 3, 3);
        nhwc.equal(images).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void Channels_last_model_keeps_its_parameters_outputs_and_gradients()
    {
        // Two torch threads, as on a GPU runner's host: with one thread, libtorch's CPU convolution backward on
        // channels-last weights gives gradients up to ~4e-3 beyond this tolerance (observed with OMP_NUM_THREADS=1;
        // the CUDA path this layout is for cannot be checked here). CPU training never uses channels-last.
        var threads = get_num_threads();
        set_num_threads(2);
        try
        {
            ChannelsLastMatchesTheReference();
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static void ChannelsLastMatchesTheReference()
    {
        using var reference = Create();
        using var model = Create();
        using var images = Images();
        using var labels = tensor(new long[] { 0, 1, 2, 3 });
        var parameters = model.parameters().ToList();

        var relaid = GpuTuning.ToChannelsLast(model);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var loss = nn.functional.cross_entropy(model.call(GpuTuning.ToChannelsLast(images)), labels);
        using var referenceLoss = nn.functional.cross_entropy(reference.call(images), labels);
        loss.backward();
        referenceLoss.backward();
        optimizer.step();

        // 3×3 kernels are re-laid; a 1×1 projection's dense layout already is channels-last.
        relaid.Should().Be(parameters.Count(p => p.ndim == 4 && p.shape[2] > 1));
        model.parameters().Should().Equal(parameters, (a, b) => ReferenceEquals(a, b));
        model.parameters().Where(p => p.ndim == 4).Should().OnlyContain(p => GpuTuning.IsChannelsLast(p));
        loss.item<float>().Should().BeApproximately(referenceLoss.item<float>(), 1e-4f);
        var worst = model.parameters().Zip(reference.parameters(), (a, b) =>
            ((a.grad! - b.grad!).abs() - (1e-3 * b.grad!.abs()) - 1e-5).max().item<float>()).Max();
        worst.Should().BeLessThanOrEqualTo(0f, $"every gradient is within 1e-3 relative + 1e-5 absolute of the reference's (torch threads {get_num_threads()})");
    }

    [Fact]
    public void A_channels_last_model_saves_its_weights_and_they_load_back_equal()
    {
        // Given a model re-laid channels-last, as on a GPU runner (its weights stay channels-last when TorchSharp's
        // save copies them to the CPU, and save reads bytes, which it refuses for non-contiguous tensors)
        using var model = Create();
        using var reference = Create();
        GpuTuning.ToChannelsLast(model).Should().BePositive();

        // When the trainer writes the weights for the store
        var bytes = Trainer.Weights(model);

        // Then they are written, a fresh model reads them, and it has the same weights
        using var loaded = Create();
        using (var reader = new BinaryReader(new MemoryStream(bytes)))
        {
            loaded.load(reader);
        }

        loaded.parameters().Zip(reference.parameters(), (a, b) => a.equal(b).all().item<bool>()).Should().OnlyContain(same => same);
        model.parameters().Should().OnlyContain(p => p.is_contiguous());
    }
}
