using System.Text;

namespace MiaRepro.Reports.Text;

/// <summary>
/// A table as text cells, built once and written by whichever medium shows it: <see cref="ToMarkdown"/> for
/// <c>report.md</c>, a console table for the command line.
/// </summary>
public sealed record TextTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static TextTable Of(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new TextTable(headers, [.. rows]);
        if (table.Rows.FirstOrDefault(r => r.Count != headers.Count) is { } wrong)
        {
            throw new ArgumentException($"A row has {wrong.Count} cells for {headers.Count} columns.", nameof(rows));
        }

        return table;
    }

    /// <summary>GitHub markdown: the header, its rule, one line per row (an empty cell is written "| |").</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Line(Headers)).Append('|').AppendLine(string.Concat(Headers.Select(_ => "---|")));
        foreach (var row in Rows)
        {
            md.AppendLine(Line(row));
        }

        return md.ToString();
    }

    private static string Line(IReadOnlyList<string> cells) =>
        "|" + string.Concat(cells.Select(c => c.Length == 0 ? " |" : $" {c} |"));
}
