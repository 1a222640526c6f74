using HierCore.Engine.Evaluation;
using HierCore.Engine.Contracts;
using HierCore.Engine.Methods;
using System.Globalization;
using System.Text;
using HierCore.Lab.Jobs;
using HierCore.Lab.Sweeps;

namespace HierCore.Lab.Reports;

/// <summary>The method × scenario matrix (mean ± std over seeds) as CSV, Markdown or LaTeX.</summary>
public static class CompareExport
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "md", "tex"];

    public static (string Content, string ContentType, string Extension) Render(CompareData d, string metric, string scope, string format) =>
        format switch
        {
            "csv" => (Csv(d, metric, scope), "text/csv", "csv"),
            "md" => (Markdown(d, metric, scope), "text/markdown", "md"),
            "tex" => (Latex(d, metric, scope), "application/x-tex", "tex"),
            _ => throw new ArgumentException($"Unknown export format '{format}' (use csv, md or tex).")
        };

    public static string Csv(CompareData d, string metric, string scope)
    {
        var sb = new StringBuilder().AppendLine("method,scenario,metric,scope,mean,std,n");
        foreach (var m in d.Methods)
            foreach (var s in d.Scenarios)
            {
                var c = d.Cell(m, s, metric, scope);
                var na = !d.IsApplicable(m, s);
                sb.AppendLine(string.Join(',', Jobs.Csv.Escape(m), s, metric, scope,
                    na ? "n/a" : F(c.Mean), na ? "n/a" : F(c.Std ?? 0), c.N.ToString(CultureInfo.InvariantCulture)));
            }
        return sb.ToString();
    }

    public static string Markdown(CompareData d, string metric, string scope)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{MetricKeys.Label(metric)} ({scope}) — {d.SweepName}, mean ± std over seeds").AppendLine();
        sb.AppendLine("| method | " + string.Join(" | ", d.Scenarios) + " |");
        sb.AppendLine("|---|" + string.Concat(d.Scenarios.Select(_ => "---:|")));
        foreach (var m in d.Methods)
            sb.AppendLine($"| {MethodCatalog.DisplayName(m)} | " +
                string.Join(" | ", d.Scenarios.Select(s => d.IsApplicable(m, s) ? d.Cell(m, s, metric, scope).Format() : "n/a")) + " |");
        return sb.ToString();
    }

    public static string Latex(CompareData d, string metric, string scope)
    {
        var sb = new StringBuilder();
        sb.AppendLine(@"\begin{tabular}{l" + new string('r', d.Scenarios.Count) + "}");
        sb.AppendLine(@"\toprule");
        sb.AppendLine("Method & " + string.Join(" & ", d.Scenarios) + @" \\");
        sb.AppendLine(@"\midrule");
        foreach (var m in d.Methods)
            sb.AppendLine(Tex(MethodCatalog.DisplayName(m)) + " & " + string.Join(" & ", d.Scenarios.Select(s =>
                !d.IsApplicable(m, s) ? "n/a" : d.Cell(m, s, metric, scope) is { HasValue: true } c
                    ? (c.Std is { } std ? $"{F3(c.Mean)} $\\pm$ {F3(std)}" : F3(c.Mean)) : "--")) + @" \\");
        sb.AppendLine(@"\bottomrule");
        sb.AppendLine(@"\end{tabular}");
        sb.AppendLine($"% {Tex(MetricKeys.Label(metric))} ({scope}), {Tex(d.SweepName)}, mean $\\pm$ std over seeds");
        return sb.ToString();
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
    private static string F3(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
    private static string Tex(string s) => s.Replace(@"\", @"\textbackslash{}").Replace("&", @"\&").Replace("%", @"\%")
        .Replace("_", @"\_").Replace("#", @"\#").Replace("$", @"\$");
}
