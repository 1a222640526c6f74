using System.Globalization;
using System.Text;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using Spectre.Console;
using static HierCore.Cli.Output.ResultTables;

namespace HierCore.Cli.Output;

/// <summary>The study tables of a sweep — method × scenario matrix and requirements — on the terminal and as Markdown.</summary>
public static class SweepTables
{
    static readonly string[] Scenarios = [.. ScenarioExtensions.All.Select(s => s.ToString())];

    public static void Print(SweepReport report, IReadOnlyList<RunSetting>? varied = null)
    {
        if (AblationRows(report, varied ?? []) is { } ablation)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("headline by setting (mean ± std over seeds)").AddColumns(ablation.Header.Select(Markup.Escape).ToArray());
            foreach (var row in ablation.Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
        }
        var matrix = new Table().Border(TableBorder.Rounded).Title("headline / F1 at the deployable threshold (mean ± std over seeds)").AddColumn("method");
        foreach (var s in Scenarios) matrix.AddColumn(s);
        foreach (var row in MatrixRows(report)) matrix.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(matrix);

        var req = new Table().Border(TableBorder.Rounded).Title("requirements (R1 vs patchcore-oc S1; R2 drops; stability over S1–S4)")
            .AddColumns(RequirementHeader);
        foreach (var row in RequirementRows(report)) req.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(req);
        AnsiConsole.MarkupLine($"Sweep: {report.Runs.Count} runs in {report.WallS:0.0} s; features extracted {report.FeaturesExtracted}; " +
            $"bank build s per method: {string.Join(", ", BankSecondsPerMethod(report).Select(kv => $"{kv.Key} {kv.Value:0.0}"))}");
    }

    public static string Markdown(SweepReport report, IReadOnlyList<RunSetting>? varied = null)
    {
        var sb = new StringBuilder();
        if (AblationRows(report, varied ?? []) is { } ablation)
        {
            sb.AppendLine("| " + string.Join(" | ", ablation.Header) + " |");
            sb.AppendLine("|" + string.Concat(ablation.Header.Select((_, i) => i < ablation.Keys ? "---|" : "---:|")));
            foreach (var row in ablation.Rows) sb.AppendLine("| " + string.Join(" | ", row) + " |");
            sb.AppendLine();
            sb.AppendLine("Cells: headline, mean ± std over seeds.");
            sb.AppendLine();
        }
        sb.AppendLine("| method | " + string.Join(" | ", Scenarios) + " |");
        sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", Scenarios.Length)));
        foreach (var row in MatrixRows(report)) sb.AppendLine("| " + string.Join(" | ", row) + " |");
        sb.AppendLine();
        sb.AppendLine("Cells: headline (S1, S3: mean per-class I-AUROC; S2, S4: pooled I-AUROC) / pooled F1 at the deployable threshold.");
        sb.AppendLine();
        sb.AppendLine("| " + string.Join(" | ", RequirementHeader) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", RequirementHeader.Length)));
        foreach (var row in RequirementRows(report)) sb.AppendLine("| " + string.Join(" | ", row) + " |");
        sb.AppendLine();
        sb.AppendLine($"{report.Runs.Count} runs, wall time {report.WallS:0.0} s, features extracted {report.FeaturesExtracted}.");
        sb.AppendLine();
        sb.AppendLine("| method | bank build s (coreset + criterion of its banks, measured once when built) |");
        sb.AppendLine("|---|---|");
        foreach (var kv in BankSecondsPerMethod(report)) sb.AppendLine($"| {kv.Key} | {kv.Value:0.0} |");
        return sb.ToString();
    }

    /// <summary>
    /// Dataset and grid settings on rows, method · scenario on columns; null for a sweep of one dataset and no grid
    /// (the method × scenario matrix says it all).
    /// </summary>
    static (string[] Header, int Keys, List<string[]> Rows)? AblationRows(SweepReport report, IReadOnlyList<RunSetting> varied)
    {
        var datasets = report.Runs.Select(r => r.Dataset).Distinct().ToList();
        if (varied.Count == 0 && datasets.Count < 2) return null;
        string[] Key(RunResult r) => [r.Dataset, .. varied.Select(v => v.Format(r.Config))];
        var columns = report.Runs.Select(r => (r.Method, r.Scenario)).Distinct().OrderBy(c => c.Method, StringComparer.Ordinal).ThenBy(c => c.Scenario).ToList();
        var rows = report.Runs.GroupBy(r => string.Join('\u001f', Key(r))).Select(g => (Key: Key(g.First()), Runs: g.ToList()))
            .Select(g => (string[])[.. g.Key, .. columns.Select(c =>
            {
                var cell = MeanStd.Of(g.Runs.Where(r => r.Method == c.Method && r.Scenario == c.Scenario).Select(r => r.Headline));
                return cell.Format("0.000", missing: "");
            })]).ToList();
        return (["dataset", .. varied.Select(v => v.Name), .. columns.Select(c => $"{c.Method} {c.Scenario}")], 1 + varied.Count, rows);
    }

    static IEnumerable<string[]> MatrixRows(SweepReport report)
    {
        foreach (var method in report.Matrix.Select(c => c.Method).Concat(report.NotApplicable.Select(n => n.Method)).Distinct())
            yield return [method, .. Scenarios.Select(s => report.Matrix.FirstOrDefault(c => c.Method == method && c.Scenario == s) is { } c
                ? $"{Pm(c.HeadlineMean, c.HeadlineStd, c.Runs)} / {Pm(c.F1DeployableMean, c.F1DeployableStd, c.Runs)}"
                : report.NotApplicable.Any(n => n.Method == method && n.Scenario == s) ? "n/a" : "")];
    }

    static readonly string[] RequirementHeader = ["method", "R1 mean Δ (S1)", "R1 max Δ (S1)", "R1 max Δ (S4)", "classes Δ>0.01 (S4)", "R2 drop S1→S2", "R2 drop S3→S4", "F1 drop S1→S2", "F1 drop S3→S4", "stability"];

    static IEnumerable<string[]> RequirementRows(SweepReport report)
    {
        foreach (var r2 in report.Requirements.R2)
        {
            var r1s1 = report.Requirements.R1.FirstOrDefault(r => r.Method == r2.Method && r.Variant == r2.Variant && r.Scenario == "S1");
            var r1s4 = report.Requirements.R1.FirstOrDefault(r => r.Method == r2.Method && r.Variant == r2.Variant && r.Scenario == "S4");
            yield return [r2.Method, M(r1s1?.MeanDelta), M(r1s1?.MaxDelta), M(r1s4?.MaxDelta), M(r1s4?.ClassesBehind, "0.0"),
                M(r2.HeadlineDropS1S2), M(r2.HeadlineDropS3S4), M(r2.F1DeployableDropS1S2), M(r2.F1DeployableDropS3S4), M(r2.Stability)];
        }
    }

    /// <summary>Per method, the build time of its banks as measured once when built (runs of a sweep share banks,
    /// so summing over runs would count one build several times).</summary>
    static Dictionary<string, double> BankSecondsPerMethod(SweepReport report) =>
        report.Runs.GroupBy(r => r.Method).ToDictionary(g => g.Key, g => g.Max(r => r.Timings.BankBuildS));

    static string Pm(double mean, double std, int n) => n > 1 ? $"{F(mean)} ± {F(std)}" : F(mean);

    static string M(MeanStd? v, string format = "0.000") => v?.Format(format, missing: "—") ?? "—";
}
