using HierCore.Engine.Contracts;
using System.Globalization;
using System.Text;

namespace HierCore.Lab.Reports;

/// <summary>A pivoted Compare table as CSV (mean, std and n per column value), Markdown or LaTeX (mean ± std).</summary>
public static class PivotExport
{
    public static (string Content, string ContentType, string Extension) Render(CompareData d, PivotTable t, string metric, string scope, string format) =>
        format switch
        {
            "csv" => (Csv(t, metric, scope), "text/csv", "csv"),
            "md" => (Markdown(d, t, metric, scope), "text/markdown", "md"),
            "tex" => (Latex(d, t, metric, scope), "application/x-tex", "tex"),
            _ => throw new ArgumentException($"Unknown export format '{format}' (use {string.Join(", ", CompareExport.Formats)})."),
        };

    /// <summary>One line per row value; for each column value its mean, std and number of runs.</summary>
    public static string Csv(PivotTable t, string metric, string scope)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', new[] { Jobs.Csv.Escape(t.Rows) }.Concat(t.ColKeys.SelectMany(c =>
            new[] { $"{t.Cols}={c} mean", $"{t.Cols}={c} std", $"{t.Cols}={c} n" }).Select(Jobs.Csv.Escape))));
        for (var i = 0; i < t.RowKeys.Count; i++)
        {
            var cells = Enumerable.Range(0, t.ColKeys.Count).SelectMany(j =>
            {
                var c = t.Cells[i, j];
                return new[] { F(c.Mean), c.Std is { } sd ? F(sd) : "", c.N.ToString(CultureInfo.InvariantCulture) };
            });
            sb.AppendLine(string.Join(',', new[] { Jobs.Csv.Escape(t.RowKeys[i]) }.Concat(cells)));
        }
        sb.AppendLine($"# {metric} ({scope}); cells: mean and sample std over the runs of each cell (seeds and the dimensions not shown)");
        return sb.ToString();
    }

    public static string Markdown(CompareData d, PivotTable t, string metric, string scope)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{MetricKeys.Label(metric)} ({scope}) — {d.SweepName}, {t.Rows} × {t.Cols}, mean ± std over the runs of each cell").AppendLine();
        sb.AppendLine($"| {t.Rows} \\ {t.Cols} | " + string.Join(" | ", t.ColKeys) + " |");
        sb.AppendLine("|---|" + string.Concat(t.ColKeys.Select(_ => "---:|")));
        for (var i = 0; i < t.RowKeys.Count; i++)
            sb.AppendLine($"| {t.RowKeys[i]} | " + string.Join(" | ", Enumerable.Range(0, t.ColKeys.Count).Select(j => t.Cells[i, j].Format())) + " |");
        return sb.ToString();
    }

    public static string Latex(CompareData d, PivotTable t, string metric, string scope)
    {
        var sb = new StringBuilder();
        sb.AppendLine(@"\begin{tabular}{l" + new string('r', t.ColKeys.Count) + "}");
        sb.AppendLine(@"\toprule");
        sb.AppendLine($"{Tex(t.Rows)} $\\backslash$ {Tex(t.Cols)} & " + string.Join(" & ", t.ColKeys.Select(Tex)) + @" \\");
        sb.AppendLine(@"\midrule");
        for (var i = 0; i < t.RowKeys.Count; i++)
            sb.AppendLine(Tex(t.RowKeys[i]) + " & " + string.Join(" & ", Enumerable.Range(0, t.ColKeys.Count).Select(j => t.Cells[i, j] is { HasValue: true } c
                ? (c.Std is { } sd ? $"{F3(c.Mean)} $\\pm$ {F3(sd)}" : F3(c.Mean)) : "--")) + @" \\");
        sb.AppendLine(@"\bottomrule");
        sb.AppendLine(@"\end{tabular}");
        sb.AppendLine($"% {Tex(MetricKeys.Label(metric))} ({scope}), {Tex(d.SweepName)}, mean $\\pm$ std over the runs of each cell");
        return sb.ToString();
    }

    static string F(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
    static string F3(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
    static string Tex(string s) => s.Replace(@"\", @"\textbackslash{}").Replace("&", @"\&").Replace("%", @"\%")
        .Replace("_", @"\_").Replace("#", @"\#").Replace("$", @"\$");
}
