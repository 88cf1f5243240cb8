using MiaRepro.Audits;
using MiaRepro.Data;
using MiaRepro.IO;
using MiaRepro.Recipes;
using SkiaSharp;
using static System.FormattableString;

namespace MiaRepro.Reports;

/// <summary>
/// The examples that leak, as a PNG a person can read: the top row holds the baseline's most vulnerable training
/// examples (highest mean LiRA score over the targets that trained on them), each drawn enlarged with its label, its
/// baseline score and its score under the audited recipe; the bottom row the audited recipe's own, with both scores.
/// </summary>
public static class LeakingExamplesGrid
{
    private const int Margin = 16;
    private const int TitleHeight = 30;
    private const int TextLine = 17;
    private const int TextLines = 3;

    public static void Write(string path, AuditSummary summary, string recipe, ImageSet examples)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(examples);
        var baseline = RecipeCatalog.Baseline;
        var rows = new[]
        {
            ($"Most vulnerable under {baseline}, and the same examples under {recipe}", summary.Leaking[baseline]),
            ($"Most vulnerable under {recipe}, and the same examples under {baseline}", summary.Leaking[recipe]),
        };
        var zoom = Math.Max(1, 96 / Math.Max(examples.Height, examples.Width));
        var (imageWidth, imageHeight) = (examples.Width * zoom, examples.Height * zoom);
        var cellWidth = Math.Max(imageWidth, 150) + 8;
        var rowHeight = TitleHeight + imageHeight + 6 + (TextLines * TextLine) + 10;
        var columns = Math.Max(1, rows.Max(r => r.Item2.Count));
        var (width, height) = ((2 * Margin) + (columns * cellWidth), (2 * Margin) + (rows.Length * rowHeight));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var titleFont = new SKFont(SKTypeface.Default, 16);
        using var font = new SKFont(SKTypeface.Default, 13);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var row = 0; row < rows.Length; row++)
        {
            var (title, leaking) = rows[row];
            var top = Margin + (row * rowHeight);
            canvas.DrawText(title, Margin, top + 20, SKTextAlign.Left, titleFont, ink);
            for (var i = 0; i < leaking.Count; i++)
            {
                var example = leaking[i];
                var left = Margin + (i * cellWidth);
                using var image = Image(examples, example.Example);
                canvas.DrawImage(image, SKRect.Create(left, top + TitleHeight, imageWidth, imageHeight), new SKSamplingOptions(SKFilterMode.Nearest));
                var textTop = top + TitleHeight + imageHeight + 6 + 12;
                canvas.DrawText($"#{example.Example.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {examples.ClassText(example.Label)}", left, textTop, SKTextAlign.Left, font, ink);
                canvas.DrawText(Invariant($"{baseline}: {Score(example, baseline)}"), left, textTop + TextLine, SKTextAlign.Left, font, ink);
                canvas.DrawText(Invariant($"{recipe}: {Score(example, recipe)}"), left, textTop + (2 * TextLine), SKTextAlign.Left, font, ink);
            }
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.Write(path, stream => png.SaveTo(stream));
    }

    private static string Score(LeakingExample example, string recipe) =>
        example.ScoreByRecipe.TryGetValue(recipe, out var s) && double.IsFinite(s) ? Invariant($"{s:0.00}") : "—";

    /// <summary>Example <paramref name="index"/> of <paramref name="images"/> as an opaque RGBA image.</summary>
    private static SKImage Image(ImageSet images, int index)
    {
        var (w, h, c) = (images.Width, images.Height, images.Channels);
        var plane = w * h;
        var offset = (long)index * images.PixelsPerImage;
        var rgba = new byte[4 * plane];
        for (var p = 0; p < plane; p++)
        {
            for (var k = 0; k < 3; k++)
            {
                rgba[(4 * p) + k] = images.Pixels[offset + ((c == 1 ? 0 : k) * plane) + p];
            }

            rgba[(4 * p) + 3] = 255;
        }

        return SKImage.FromPixelCopy(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque), rgba);
    }
}
