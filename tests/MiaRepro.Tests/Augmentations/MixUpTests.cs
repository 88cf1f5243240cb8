using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class MixUpTests
{
    [Fact]
    public void Each_image_is_lambda_times_itself_plus_the_rest_times_its_partner()
    {
        using var scope = NewDisposeScope();
        var x = Natural(64);

        var batch = new MixUpStep().Apply(new AugmentedBatch(x, Ids(64)), new Generator(2));

        var partner = x.index_select(0, batch.MixedLabels!);
        var expected = x.mul(batch.Lambda).add(partner.mul(1 - batch.Lambda));
        batch.Images.sub(expected).abs().max().item<float>().Should().BeLessThan(1e-6f);
        batch.MixedLabels!.ne(Ids(64)).sum().item<long>().Should().BeGreaterThan(50, "a random permutation moves most images");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.2)]
    public void Lambda_is_one_Beta_alpha_alpha_draw_per_batch(double alpha)
    {
        // Beta(α, α): mean ½, variance 1 / (4(2α + 1)).
        using var scope = NewDisposeScope();
        var x = Natural(4);
        var step = new MixUpStep(alpha);

        var lambdas = Enumerable.Range(1, 600)
            .Select(seed => step.Apply(new AugmentedBatch(x, Ids(4)), new Generator((ulong)seed)).Lambda).ToArray();

        var mean = lambdas.Average();
        var variance = lambdas.Average(l => (l - mean) * (l - mean));
        mean.Should().BeApproximately(0.5, 0.04);
        variance.Should().BeApproximately(1.0 / (4 * ((2 * alpha) + 1)), 0.02);
    }
}
