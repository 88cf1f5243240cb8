using FluentAssertions;
using MiaRepro.Metrics;
using MiaRepro.Reports.Plots;

namespace MiaRepro.Tests.Reports;

public sealed class PlotRenderingTests
{
    private static readonly RocFigure Roc = new(
        "roc-test.png",
        "ROC of every attack: test",
        "caption",
        [
            new RocSeries("strong\nAUC 0.900, TPR@0.1% 10.00%", 0, Curve(a: 0.2)),
            new RocSeries("weak\nAUC 0.600, TPR@0.1% 0.20%", 1, Curve(a: 0.8)),
            new RocSeries("eleventh style, dashed", 10, Curve(a: 0.5)),
        ],
        NonMembers: 20_000);

    [Fact]
    public void A_roc_figure_renders_as_an_800_by_600_png_with_lines_text_and_colours()
    {
        // When
        var png = PngImage.Of(new ScottPlotRenderer().RenderPng(Roc));

        // Then
        png.HasSignature.Should().BeTrue();
        (png.Width, png.Height).Should().Be((ScottPlotRenderer.Width, ScottPlotRenderer.Height));
        png.DistinctColours.Should().BeGreaterThan(50, "coloured curves, grey grid and anti-aliased text");
        png.NonWhiteFraction.Should().BeInRange(0.02, 0.6);
    }

    [Fact]
    public void A_gap_figure_with_zero_tprs_renders_them_on_the_floor()
    {
        // Given targets of two recipes, three of them with TPR 0
        var figure = new GapFigure(
            "tpr-vs-gap.png",
            "Per-model TPR vs generalization gap",
            "caption",
            "lira-online-global",
            0.001,
            ZeroFloor: 0.0005,
            [
                new GapSeries("baseline", 0, [new(0, 0.18, 0.03), new(1, 0.19, 0.05), new(2, 0.17, 0.0)]),
                new GapSeries("crop-flip-early-stop", 1, [new(0, 0.07, 0.004), new(1, 0.06, 0.0), new(2, 0.08, 0.0)]),
            ]);

        // When
        var png = PngImage.Of(new ScottPlotRenderer().RenderPng(figure));

        // Then
        png.HasSignature.Should().BeTrue();
        (png.Width, png.Height).Should().Be((ScottPlotRenderer.Width, ScottPlotRenderer.Height));
        png.DistinctColours.Should().BeGreaterThan(50);
        png.NonWhiteFraction.Should().BeGreaterThan(0.02);
    }

    [Fact]
    public void The_same_figure_renders_to_the_same_bytes()
    {
        var renderer = new ScottPlotRenderer();

        renderer.RenderPng(Roc).Should().Equal(renderer.RenderPng(Roc));
    }

    [Fact]
    public void A_renderer_that_throws_yields_a_warning_naming_the_plot_and_no_png()
    {
        // When
        var outcomes = PlotRendering.Render([Roc], new ThrowingRenderer());

        // Then
        outcomes.Should().ContainSingle();
        outcomes[0].Rendered.Should().BeFalse();
        outcomes[0].Warning.Should().Contain("plots/roc-test.png").And.Contain("libSkiaSharp");
    }

    /// <summary>A concave ROC, TPR = FPR^a, sampled at 2,000 log-spaced FPRs from 10⁻⁵ to 1.</summary>
    private static RocPoint[] Curve(double a) =>
        [.. Enumerable.Range(0, 2001).Select(i => Math.Pow(10, -5 + (i / 400.0))).Select(f => new RocPoint(f, Math.Pow(f, a), 0))];
}
