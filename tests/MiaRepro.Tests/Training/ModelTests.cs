using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Training;

public sealed class ModelTests
{
    /// <summary>Narrow residual networks with the presets' structure: the same code paths, a fraction of the cost.</summary>
    private static readonly ModelSpec s_narrowResNet = ModelSpec.ResNet18 with { Width = 8 };
    private static readonly ModelSpec s_narrowWrn = ModelSpec.Wrn28x2 with { Width = 8, Depth = 10 };

    public static TheoryData<string> Presets => ["small-cnn", "resnet-18", "wrn-28-2"];

    private static ModelSpec Preset(string name) => name switch
    {
        "small-cnn" => ModelSpec.SmallCnn,
        "resnet-18" => ModelSpec.ResNet18,
        "wrn-28-2" => ModelSpec.Wrn28x2,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int channels, int size, int classes, ulong seed = 1)
    {
        using var generator = new Generator(seed);
        return ModelFactory.Create(spec, channels, size, size, classes, generator);
    }

    private static long ParameterCount(nn.Module<Tensor, Tensor> model) => model.parameters().Sum(p => p.numel());

    private static Tensor Images(long n, int channels, int size, ulong seed)
    {
        using var generator = new Generator(seed);
        return randn([n, channels, size, size], generator: generator);
    }

    [Theory]
    [InlineData("small-cnn", 1, 28, 10)]
    [InlineData("small-cnn", 3, 32, 100)]
    [InlineData("resnet-18", 1, 28, 10)]
    [InlineData("resnet-18", 3, 32, 10)]
    [InlineData("resnet-18", 3, 32, 100)]
    [InlineData("wrn-28-2", 1, 28, 10)]
    [InlineData("wrn-28-2", 3, 32, 10)]
    [InlineData("wrn-28-2", 3, 32, 100)]
    public void Logits_have_one_row_per_image_and_one_column_per_class(string preset, int channels, int size, int classes)
    {
        using var model = Create(Preset(preset), channels, size, classes);
        using var images = Images(2, channels, size, seed: 3);

        using var logits = model.call(images);

        logits.shape.Should().Equal(2, classes);
        logits.data<float>().ToArray().Should().OnlyContain(v => float.IsFinite(v));
    }

    [Theory]
    [InlineData("resnet-18", 3, 32, 10, 11_173_962)]
    [InlineData("resnet-18", 3, 32, 100, 11_220_132)]
    [InlineData("resnet-18", 1, 28, 10, 11_172_810)] // stem 1·64·9 instead of 3·64·9 weights
    [InlineData("wrn-28-2", 3, 32, 10, 1_467_610)]
    [InlineData("wrn-28-2", 3, 32, 100, 1_479_220)] // classifier 128·100 + 100 instead of 128·10 + 10
    [InlineData("wrn-28-2", 1, 28, 10, 1_467_322)] // stem 1·16·9 instead of 3·16·9 weights
    [InlineData("small-cnn", 1, 28, 10, 206_922)] // 160 + 4,640 + (32·7·7·128 + 128) + 1,290
    public void Parameter_counts_are_the_published_ones(string preset, int channels, int size, int classes, long expected)
    {
        // ResNet-18 (CIFAR form): 11,173,962 for CIFAR-10 is the count published for this variant.
        // WRN-28-2, by hand: stem 432; group 1: 14,432 + 3·18,560; group 2: 57,536 + 3·73,984;
        // group 3: 229,760 + 3·295,424; final BN 256; classifier 1,290 — 1,467,610 in all.
        using var model = Create(Preset(preset), channels, size, classes);

        ParameterCount(model).Should().Be(expected);
    }

    [Fact]
    public void Wide_resnet_28_2_has_about_one_and_a_half_million_parameters()
    {
        using var model = Create(ModelSpec.Wrn28x2, 3, 32, 10);

        ParameterCount(model).Should().BeInRange(1_400_000, 1_600_000);
    }

    [Fact]
    public void Small_cnn_draws_the_same_weights_as_before_the_factory()
    {
        // Recorded from the SmallCnn that Trainer built before the factory existed (seed 7, 1×28×28, 10 classes):
        // the first and last value of each parameter, in the network's order. Equal floats mean equal draws.
        float[] expected =
        [
            0.023281693f, -0.11017053f, -0.30945528f, -0.22061777f, // conv 1 weight, bias
            -0.02194035f, 0.06989256f, -0.018088728f, -0.07533365f, // conv 2
            0.021426447f, -0.010208984f, -0.0062568225f, -0.010725536f, // hidden layer
            0.0035782233f, -0.027497184f, -0.011383168f, -0.06360111f, // classifier
        ];

        using var model = Create(ModelSpec.SmallCnn, 1, 28, 10, seed: 7);

        var actual = model.parameters()
            .SelectMany(p => new[] { p.flatten()[0].item<float>(), p.flatten()[-1].item<float>() })
            .ToArray();
        actual.Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Same_seed_gives_identical_outputs_and_another_seed_different_ones(string preset)
    {
        using var images = Images(2, 3, 32, seed: 4);
        using var a = Create(Preset(preset), 3, 32, 10, seed: 11);
        using var b = Create(Preset(preset), 3, 32, 10, seed: 11);
        using var c = Create(Preset(preset), 3, 32, 10, seed: 12);
        foreach (var model in new[] { a, b, c })
        {
            model.eval();
        }

        using var _ = no_grad();
        using var outA = a.call(images);
        using var outB = b.call(images);
        using var outC = c.call(images);

        outA.data<float>().ToArray().Should().Equal(outB.data<float>().ToArray());
        outA.data<float>().ToArray().Should().NotEqual(outC.data<float>().ToArray());
    }

    [Fact]
    public void Residual_networks_start_with_kaiming_normal_convolutions_and_identity_batch_norm()
    {
        using var model = Create(ModelSpec.ResNet18, 3, 32, 10);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);

        // The widest convolutions: 512 output channels, 3×3, fan_out 4,608, standard deviation √(2/4,608).
        var wide = parameters.Values.Where(p => p.ndim == 4 && p.shape[0] == 512 && p.shape[2] == 3).ToList();
        wide.Should().NotBeEmpty();
        foreach (var weight in wide)
        {
            weight.std().item<float>().Should().BeApproximately((float)Math.Sqrt(2.0 / 4608), 0.002f);
            weight.mean().item<float>().Should().BeApproximately(0f, 0.001f);
        }

        var norms = model.named_modules().Select(m => m.module).OfType<TorchSharp.Modules.BatchNorm2d>().ToList();
        norms.Should().HaveCount(20); // stem, 2 per block, 3 projections
        foreach (var norm in norms)
        {
            norm.weight.data<float>().ToArray().Should().OnlyContain(v => v == 1f);
            norm.bias!.data<float>().ToArray().Should().OnlyContain(v => v == 0f);
        }
    }

    public static TheoryData<string> NormalizedNetworks => ["resnet", "wide-resnet"];

    private static ModelSpec Narrow(string architecture) =>
        architecture == ModelSpec.ResNetName ? s_narrowResNet : s_narrowWrn;

    [Theory]
    [MemberData(nameof(NormalizedNetworks))]
    public void In_eval_mode_an_image_logits_do_not_depend_on_its_batch_and_in_train_mode_they_do(string architecture)
    {
        using var model = Create(Narrow(architecture), 3, 32, 10);
        using var first = Images(2, 3, 32, seed: 5);
        using var companionsA = Images(2, 3, 32, seed: 6);
        using var companionsB = Images(6, 3, 32, seed: 7).mul_(3).add_(1);
        using var batchA = cat([first, companionsA], 0);
        using var batchB = cat([first, companionsB], 0);
        using var _ = no_grad();

        model.eval();
        using var evalA = model.call(batchA).narrow(0, 0, 2);
        using var evalB = model.call(batchB).narrow(0, 0, 2);
        using var evalAlone = model.call(first);
        model.train();
        using var trainA = model.call(batchA).narrow(0, 0, 2);
        using var trainB = model.call(batchB).narrow(0, 0, 2);

        evalA.allclose(evalB, rtol: 1e-4, atol: 1e-5).Should().BeTrue();
        evalA.allclose(evalAlone, rtol: 1e-4, atol: 1e-5).Should().BeTrue();
        (trainA - trainB).abs().max().item<float>().Should().BeGreaterThan(1e-3f);
    }

    [Theory]
    [MemberData(nameof(NormalizedNetworks))]
    public void Batch_norm_running_statistics_update_in_train_mode_only(string architecture)
    {
        using var model = Create(Narrow(architecture), 3, 32, 10);
        using var images = Images(4, 3, 32, seed: 8).mul_(2).add_(0.5);
        using var _ = no_grad();

        Dictionary<string, Tensor> Snapshot() =>
            model.named_buffers().ToDictionary(b => b.name, b => b.buffer.clone());

        var initial = Snapshot();
        initial.Keys.Should().Contain(k => k.EndsWith("running_mean")).And.Contain(k => k.EndsWith("running_var"));

        model.eval();
        model.call(images).Dispose();
        var afterEval = Snapshot();

        model.train();
        model.call(images).Dispose();
        var afterTrain = Snapshot();

        foreach (var (name, buffer) in initial)
        {
            afterEval[name].eq(buffer).all().item<bool>().Should().BeTrue($"{name} must not move in eval mode");
            afterTrain[name].eq(buffer).all().item<bool>().Should().BeFalse($"{name} must move in train mode");
        }
    }

    [Fact]
    public void Unknown_architecture_is_rejected_listing_the_valid_ones()
    {
        using var generator = new Generator(1);

        var act = () => ModelFactory.Create(ModelSpec.SmallCnn with { Architecture = "vgg" }, 3, 32, 32, 10, generator);

        act.Should().Throw<InputException>().WithMessage("*'vgg'*small-cnn*resnet*wide-resnet*");
    }

    [Theory]
    [InlineData("resnet", 64, 20, 0, "*depth 20*18*34*")]
    [InlineData("wide-resnet", 32, 27, 0, "*depth 27*6n + 4*")]
    [InlineData("resnet", 64, 18, 128, "*hidden*0*")]
    [InlineData("small-cnn", 0, 2, 128, "*width 0*")]
    [InlineData("small-cnn", 16, 0, 128, "*depth 0*")]
    public void Impossible_model_settings_are_rejected_naming_the_setting(
        string architecture, int width, int depth, int hidden, string message)
    {
        var act = () => new ModelSpec(architecture, width, depth, hidden).Validate();

        act.Should().Throw<InputException>().WithMessage(message);
    }

    [Fact]
    public void Small_cnn_rejects_image_sides_its_pooling_cannot_halve()
    {
        using var generator = new Generator(1);

        var act = () => ModelFactory.Create(ModelSpec.SmallCnn, 1, 30, 30, 10, generator);

        act.Should().Throw<InputException>().WithMessage("*divisible by 4*30×30*");
    }

    [Theory]
    [InlineData("small-cnn", 16, 31, 128, "*depth 31 halves the image 31 times*at most 4*")]
    [InlineData("small-cnn", 16, 32, 128, "*depth 32 halves the image 32 times*")]
    [InlineData("small-cnn", 16, 1000, 128, "*depth 1000*")]
    [InlineData("small-cnn", 512, 2, 65_536, "*more than MiaRepro trains (50,000,000)*")]
    [InlineData("resnet", 4096, 18, 0, "*more than MiaRepro trains*")]
    [InlineData("wide-resnet", 4096, 1000, 0, "*more than MiaRepro trains*")]
    public void A_network_too_large_to_build_is_refused_before_any_weight_is_allocated(
        string architecture, int width, int depth, int hidden, string message)
    {
        // Given settings inside each one's documented range whose network would not fit a machine (the hidden 65,536
        // small CNN alone: ~13 GB), or whose pooling would wrap 1 << depth past the image-size check
        using var generator = new Generator(1);

        // When the network is built on 28×28 images
        var act = () => ModelFactory.Create(new ModelSpec(architecture, width, depth, hidden), 1, 28, 28, 10, generator);

        // Then it is refused naming the setting, at once
        act.Should().Throw<InputException>().WithMessage(message);
    }

    [Fact]
    public void The_parameter_estimate_is_exact_for_the_small_cnn_and_close_for_the_presets()
    {
        using var generator = new Generator(1);
        foreach (var (spec, channels, side) in new[] { (ModelSpec.SmallCnn, 1, 28), (ModelSpec.ResNet18, 3, 32), (ModelSpec.Wrn28x2, 3, 32) })
        {
            using var model = ModelFactory.Create(spec, channels, side, side, 10, generator);
            var actual = model.parameters().Sum(p => p.numel());
            var estimate = spec.Parameters(channels, side, side, 10);
            if (spec == ModelSpec.SmallCnn)
            {
                estimate.Should().Be(actual);
            }
            else
            {
                estimate.Should().BeInRange(0.9 * actual, 1.1 * actual, spec.Architecture);
            }
        }
    }

    [Fact]
    public void Presets_are_valid_and_the_architecture_is_part_of_the_recipe_hash()
    {
        var baseline = RecipeCatalog.Create("baseline", ScaleProfile.Smoke);

        foreach (var spec in new[] { ModelSpec.SmallCnn, ModelSpec.ResNet18, ModelSpec.Wrn28x2 })
        {
            spec.Validate();
        }

        new[] { ModelSpec.SmallCnn, ModelSpec.ResNet18, ModelSpec.Wrn28x2 }
            .Select(spec => (baseline with { Model = spec }).Hash)
            .Should().OnlyHaveUniqueItems();
    }
}
