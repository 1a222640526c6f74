using System.Text;

namespace HierCore.Lab.Reports;

/// <summary>
/// Escaping of every cell an export writes, one rule per format. Cells carry text from users (sweep names) and
/// datasets (class names), so each must stay one cell: no formula, no LaTeX command, no extra column or row.
/// </summary>
public static class ExportEscape
{
    /// <summary>RFC 4180 quoting with formula cells defused (the engine's one CSV rule, shared with scores.csv).</summary>
    public static string Csv(string? cell) => HierCore.Engine.Contracts.ScoresCsv.Csv(cell ?? "");

    /// <summary>
    /// LaTeX text: the ten specials become their text forms; a line break becomes a space, because a new line would end
    /// a <c>%</c> comment and a blank one a paragraph, letting the rest run as commands.
    /// </summary>
    public static string Latex(string? cell)
    {
        var sb = new StringBuilder();
        foreach (var c in OneLine(cell))
            sb.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '{' or '}' or '$' or '&' or '#' or '_' or '%' => "\\" + c,
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    /// <summary>
    /// A Markdown table cell: a pipe would start a new column and a line break a new row. The backslash is escaped
    /// too, so a cell ending in one cannot cancel the escape of the pipe that follows it.
    /// </summary>
    public static string Markdown(string? cell) => OneLine(cell).Replace("\\", @"\\").Replace("|", @"\|");

    /// <summary>CR LF, CR and LF each become one space.</summary>
    static string OneLine(string? text) => (text ?? "").Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
