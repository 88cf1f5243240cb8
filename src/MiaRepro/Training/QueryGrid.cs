using MiaRepro.Recipes;

namespace MiaRepro.Training;

/// <summary>
/// Which views of each example the attack queries, and in what order. Q = 1: the identity. Q = 2: the identity,
/// then its mirror image. Q = 18: the LiRA reference's grid — the image and its mirror, each reflect-padded by
/// <see cref="Padding"/> pixels and cropped back at the 9 offsets {−p, 0, p}² (tensorflow/privacy,
/// <c>research/mi_lira_2021/inference.py</c>, <c>get_loss(shift=p, stride=p)</c>).
/// </summary>
/// <remarks>
/// Query q is shift s = q / 2, mirrored when q is odd: the mirror is taken first and the shift applied to the
/// mirrored image, as in the reference. Shift 0 is the unshifted image; shifts 1–8 are the other offsets in the
/// reference's order (rows outer, columns inner, each from −p to p). So query 0 is always the identity and query 1
/// the mirror, and the first views of the 18-query grid are the 2-query views. The reference orders its 18 views
/// differently (unmirrored first, then mirrored, each in row-major offset order, the identity at index 4);
/// <see cref="ReferenceIndex"/> maps one order onto the other. The attacks average over queries, so the order does
/// not change a score.
/// </remarks>
public sealed record QueryGrid
{
    private const int GridQueries = 18;
    private const int ReferenceCentre = 4;

    /// <summary>The reproduction's default: the identity and the mirror, as the reference's <c>inference.py</c> by default.</summary>
    public const int DefaultQueries = 2;

    /// <summary>The numbers of queries the grid supports.</summary>
    public static IReadOnlyList<int> Supported { get; } = [1, 2, GridQueries];

    /// <summary>The supported numbers of queries, as a message names them: "1, 2 or 18".</summary>
    public static string SupportedText { get; } =
        $"{string.Join(", ", Supported.Take(Supported.Count - 1))} or {Supported[^1]}";

    /// <param name="queries">1, 2 or 18.</param>
    /// <param name="padding">Reflect padding of the shifted views in pixels (≥ 1 for 18 queries; unused otherwise).</param>
    public QueryGrid(int queries, int padding)
    {
        if (!Supported.Contains(queries))
        {
            throw new ArgumentOutOfRangeException(nameof(queries), queries, $"Supported numbers of queries: {SupportedText}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (queries == GridQueries && padding == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, $"{GridQueries} queries shift by the padding; it must be at least 1.");
        }

        Queries = queries;
        Padding = padding;
    }

    public int Queries { get; }

    public int Padding { get; }

    /// <summary>The grid of a scale: its crop padding (2 for 28×28 images at smoke scale, 4 for CIFAR at paper scale).</summary>
    public static QueryGrid For(int queries, ScaleProfile scale) => new(queries, scale.CropPadding);

    /// <summary>
    /// The view of query <paramref name="query"/>: whether the image is mirrored (first), then the shift in pixels:
    /// view[i, j] = padded[p + Rows + i, p + Cols + j] of the (mirrored) image reflect-padded by p.
    /// </summary>
    public (bool Mirror, int Rows, int Cols) Geometry(int query)
    {
        CheckQuery(query);
        if (Queries < GridQueries)
        {
            return (query == 1, 0, 0);
        }

        var cell = ReferenceCell(query / 2);
        return (query % 2 == 1, ((cell / 3) - 1) * Padding, ((cell % 3) - 1) * Padding);
    }

    /// <summary>
    /// The index of query <paramref name="query"/>'s view among the reference's views for the same number of
    /// queries: <c>inference.py</c> writes the unmirrored views, then the mirrored ones, each over row offsets
    /// (outer) and column offsets (inner) of the padded image.
    /// </summary>
    public int ReferenceIndex(int query)
    {
        CheckQuery(query);
        return Queries < GridQueries ? query : (9 * (query % 2)) + ReferenceCell(query / 2);
    }

    /// <summary>Shift 0 is the reference's centre cell (no shift); shifts 1–8 are its other cells in order.</summary>
    private static int ReferenceCell(int shift) =>
        shift == 0 ? ReferenceCentre : shift <= ReferenceCentre ? shift - 1 : shift;

    private void CheckQuery(int query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(query, Queries);
    }
}
