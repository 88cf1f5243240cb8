using MiaRepro.Reports.Plots;

namespace MiaRepro.Tests.Reports;

/// <summary>A renderer whose native library cannot load, as on a machine without SkiaSharp's natives.</summary>
internal sealed class ThrowingRenderer : IPlotRenderer
{
    public byte[] RenderPng(Figure figure) =>
        throw new TypeInitializationException("SkiaSharp.SKImageInfo", new DllNotFoundException("Unable to load shared library 'libSkiaSharp'"));
}
