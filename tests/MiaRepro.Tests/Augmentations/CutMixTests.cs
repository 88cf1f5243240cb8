using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class CutMixTests
{
    /// <summary>Image i is flat at its own value, so every pixel tells which image it came from.</summary>
    private static Tensor Flat(long n) => linspace(-1.0, 1.0, n).view(n, 1, 1, 1).expand(n, 3, 32, 32).contiguous();

    [Fact]
    public void Lambda_is_the_exact_fraction_of_pixels_each_image_keeps()
    {
        using var scope = NewDisposeScope();
        var x = Flat(32);

        for (ulong seed = 1; seed <= 30; seed++)
        {
            var batch = new CutMixStep().Apply(new AugmentedBatch(x, Ids(32)), new Generator(seed));

            var perm = batch.MixedLabels!;
            var kept = batch.Images.eq(x).select(1, 0).flatten(1).to_type(ScalarType.Float64).mean([1]);
            var moved = perm.ne(Ids(32));
            kept.masked_select(moved).sub(batch.Lambda).abs().max().item<double>().Should().BeLessThan(1e-12, $"seed {seed}");
            kept.masked_select(moved.logical_not()).eq(1.0).all().item<bool>().Should().BeTrue("an image paired with itself stays");
        }
    }

    [Fact]
    public void The_pasted_pixels_come_from_the_partner_in_one_box_for_the_whole_batch()
    {
        using var scope = NewDisposeScope();
        var x = Flat(32);

        var batch = new CutMixStep().Apply(new AugmentedBatch(x, Ids(32)), new Generator(3));

        var partner = x.index_select(0, batch.MixedLabels!);
        var own = batch.Images.eq(x);
        own.logical_or(batch.Images.eq(partner)).all().item<bool>().Should().BeTrue();
        var moved = batch.MixedLabels!.ne(Ids(32)).nonzero().view(-1);
        var box = own.logical_not().index_select(0, moved).select(1, 0);
        box.eq(box[0]).all().item<bool>().Should().BeTrue("the reference code cuts one box per batch");
        var (rows, cols, area) = (box[0].any(1).sum().item<long>(), box[0].any(0).sum().item<long>(), box[0].sum().item<long>());
        area.Should().Be(rows * cols, "the box is a rectangle");
        batch.Lambda.Should().BeApproximately(1.0 - (area / 1024.0), 1e-12);
    }

    [Fact]
    public void Boxes_vary_with_the_seed_and_sometimes_cover_most_of_the_image()
    {
        using var scope = NewDisposeScope();
        var x = Flat(8);

        var lambdas = Enumerable.Range(1, 200)
            .Select(seed => new CutMixStep().Apply(new AugmentedBatch(x, Ids(8)), new Generator((ulong)seed)).Lambda).ToArray();

        lambdas.Distinct().Count().Should().BeGreaterThan(50);
        lambdas.Should().Contain(l => l < 0.3);
        lambdas.Average().Should().BeInRange(0.5, 0.8, "clipping at the borders only ever shrinks the box");
    }
}
