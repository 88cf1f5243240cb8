namespace MiaRepro.Reports.Plots;

/// <summary>Draws a <see cref="Figure"/> as a PNG image.</summary>
public interface IPlotRenderer
{
    /// <summary>The PNG file's bytes.</summary>
    /// <exception cref="NotSupportedException">The renderer cannot draw this kind of figure.</exception>
    byte[] RenderPng(Figure figure);
}
