using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Training;

public sealed class QueryViewsTests
{
    private const int N = 2, C = 2, H = 5, W = 6, P = 2;

    /// <summary>Value n·1000 + c·100 + row·10 + column: every pixel of the batch is distinct and names its place.</summary>
    private static float Pixel(int n, int c, int row, int col) => (n * 1000) + (c * 100) + (row * 10) + col;

    private static Tensor Batch() =>
        tensor(Enumerable.Range(0, N * C * H * W).Select(i => Pixel(i / (C * H * W), i / (H * W) % C, i / W % H, i % W)).ToArray())
            .view(N, C, H, W);

    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    /// <summary>
    /// The reference's 18 views, by hand: for no mirror then mirror, reflect-pad each image by P, then slice
    /// [dx, dx + H) × [dy, dy + W) for row offsets dx (outer) and column offsets dy (inner) in {0, P, 2P}.
    /// </summary>
    private static List<float[]> ReferenceViews()
    {
        static int Reflect(int k, int size) => k < 0 ? -k : k >= size ? (2 * (size - 1)) - k : k;
        var views = new List<float[]>();
        foreach (var mirror in new[] { false, true })
        {
            var padded = new float[N, C, H + (2 * P), W + (2 * P)];
            for (var n = 0; n < N; n++)
            {
                for (var c = 0; c < C; c++)
                {
                    for (var r = 0; r < H + (2 * P); r++)
                    {
                        for (var col = 0; col < W + (2 * P); col++)
                        {
                            var source = Reflect(col - P, W);
                            padded[n, c, r, col] = Pixel(n, c, Reflect(r - P, H), mirror ? W - 1 - source : source);
                        }
                    }
                }
            }

            for (var dx = 0; dx <= 2 * P; dx += P)
            {
                for (var dy = 0; dy <= 2 * P; dy += P)
                {
                    var view = new List<float>();
                    for (var n = 0; n < N; n++)
                    {
                        for (var c = 0; c < C; c++)
                        {
                            for (var r = 0; r < H; r++)
                            {
                                for (var col = 0; col < W; col++)
                                {
                                    view.Add(padded[n, c, dx + r, dy + col]);
                                }
                            }
                        }
                    }

                    views.Add([.. view]);
                }
            }
        }

        return views;
    }

    [Fact]
    public void Given_18_queries_when_viewing_then_each_view_is_the_reference_view_sliced_by_hand()
    {
        // Given a hand-made batch and the reference's 18 views of it
        using var scope = NewDisposeScope();
        var batch = Batch();
        var grid = new QueryGrid(18, P);
        var reference = ReferenceViews();

        // When every query is viewed
        var views = Enumerable.Range(0, 18).Select(q => QueryViews.Apply(batch, q, grid)).ToList();

        // Then each is the reference's view at its reference index, the indices are a permutation, and shapes are kept
        Enumerable.Range(0, 18).Select(grid.ReferenceIndex).Should().BeEquivalentTo(Enumerable.Range(0, 18));
        for (var q = 0; q < 18; q++)
        {
            views[q].shape.Should().Equal(N, C, H, W);
            Values(views[q]).Should().Equal(reference[grid.ReferenceIndex(q)], $"query {q} is reference view {grid.ReferenceIndex(q)}");
        }

        views.Select(v => string.Join(",", Values(v))).Distinct().Should().HaveCount(18, "the 18 views of distinct pixels differ");
    }

    [Fact]
    public void Given_18_queries_when_viewing_then_a_few_rows_match_hand_computed_reflections()
    {
        // Given image 0, channel 0 (pixel row·10 + column) and reflect padding 2
        using var scope = NewDisposeScope();
        var batch = Batch();
        var grid = new QueryGrid(18, P);

        // When
        var upLeft = QueryViews.Apply(batch, 2, grid)[0, 0];          // shift (−2, −2), no mirror
        var mirroredDownRight = QueryViews.Apply(batch, 17, grid)[0, 0]; // mirror, then shift (+2, +2)

        // Then rows reflect about row 0 and row 4, columns about column 0 and column 5
        Values(upLeft[0]).Should().Equal(22, 21, 20, 21, 22, 23);   // row 2, columns 2 1 0 1 2 3
        Values(upLeft[1]).Should().Equal(12, 11, 10, 11, 12, 13);   // row 1
        Values(mirroredDownRight[0]).Should().Equal(23, 22, 21, 20, 21, 22); // mirrored columns 2 3 4 5 4 3 → 3 2 1 0 1 2
        Values(mirroredDownRight[4]).Should().Equal(23, 22, 21, 20, 21, 22); // row 6 reflects to row 2
        Values(mirroredDownRight[2]).Should().Equal(43, 42, 41, 40, 41, 42); // row 4
    }

    [Fact]
    public void Eighteen_queries_are_identity_and_mirror_then_each_other_shift_unmirrored_and_mirrored()
    {
        // Given the paper scale's padding
        var grid = QueryGrid.For(18, ScaleProfile.Paper);

        // When
        var order = Enumerable.Range(0, 18).Select(grid.Geometry).ToList();

        // Then shifts follow the reference's row-major order, the centre (no shift) first
        order.Should().Equal(
            (false, 0, 0), (true, 0, 0),
            (false, -4, -4), (true, -4, -4), (false, -4, 0), (true, -4, 0), (false, -4, 4), (true, -4, 4),
            (false, 0, -4), (true, 0, -4), (false, 0, 4), (true, 0, 4),
            (false, 4, -4), (true, 4, -4), (false, 4, 0), (true, 4, 0), (false, 4, 4), (true, 4, 4));
        Enumerable.Range(0, 18).Select(grid.ReferenceIndex).Should().Equal(4, 13, 0, 9, 1, 10, 2, 11, 3, 12, 5, 14, 6, 15, 7, 16, 8, 17);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(18)]
    public void Query_0_is_the_identity_and_query_1_the_mirror_for_every_supported_count(int queries)
    {
        // Given
        using var scope = NewDisposeScope();
        var batch = Batch();
        var grid = new QueryGrid(queries, P);

        // When, Then
        Values(QueryViews.Apply(batch, 0, grid)).Should().Equal(Values(batch));
        if (queries > 1)
        {
            Values(QueryViews.Apply(batch, 1, grid)).Should().Equal(Values(batch.flip(3)));
        }
    }

    [Fact]
    public void Two_queries_view_the_identity_and_the_mirror_as_before()
    {
        // Given the 2-query grid of either scale (the padding is unused)
        using var scope = NewDisposeScope();
        var batch = Batch();

        foreach (var grid in new[] { QueryGrid.For(2, ScaleProfile.Smoke), QueryGrid.For(2, ScaleProfile.Paper) })
        {
            // When, Then: the views are the batch and its columns reversed, the reference's default 2 queries
            grid.Geometry(0).Should().Be((false, 0, 0));
            grid.Geometry(1).Should().Be((true, 0, 0));
            Values(QueryViews.Apply(batch, 1, grid)[1, 1][3]).Should().Equal(1135, 1134, 1133, 1132, 1131, 1130);
            grid.ReferenceIndex(1).Should().Be(1);
        }
    }

    [Fact]
    public void The_grid_padding_is_the_scale_crop_padding()
    {
        QueryGrid.For(18, ScaleProfile.Smoke).Padding.Should().Be(2);
        QueryGrid.For(18, ScaleProfile.Paper).Padding.Should().Be(4);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, 2)]
    [InlineData(17, 2)]
    [InlineData(18, 0)]
    [InlineData(2, -1)]
    public void Unsupported_grids_are_rejected(int queries, int padding)
    {
        var act = () => new QueryGrid(queries, padding);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(18, 18)]
    [InlineData(18, -1)]
    public void A_query_outside_the_grid_is_rejected(int queries, int query)
    {
        using var scope = NewDisposeScope();
        var act = () => QueryViews.Apply(Batch(), query, new QueryGrid(queries, P));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
