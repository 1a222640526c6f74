using System.Globalization;
using System.Text;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;

namespace HierCore.Lab.Reports;

/// <summary>GET /api/sweeps/{id}/results.csv: one flat record per run (anomalib's benchmark shape).</summary>
public static class ResultsCsv
{
    public static string Write(IEnumerable<Run> runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("run_id,method,scenario,dataset,seed,status,attempt,headline," +
            string.Join(',', MetricKeys.Set.Select(m => "mean_" + m)) + "," + string.Join(',', MetricKeys.Set.Select(m => "pooled_" + m)) +
            ",routing_accuracy,fit_s,score_ms_per_image,bank_entries,error");
        foreach (var run in runs)
        {
            var r = run.ResultJson is null ? null : LabJson.Deserialize<RunResult>(run.ResultJson);
            var cells = new List<string> { run.Id.ToString(), Jobs.Csv.Escape(run.Method), run.Scenario, Jobs.Csv.Escape(run.Dataset),
                run.Seed.ToString(CultureInfo.InvariantCulture), run.Status.ToString(), run.Attempt.ToString(CultureInfo.InvariantCulture),
                F(r?.Headline) };
            cells.AddRange(MetricKeys.Set.Select(m => F(r is null ? null : MetricKeys.Read(r.MeanOverClasses, m))));
            cells.AddRange(MetricKeys.Set.Select(m => F(r is null ? null : MetricKeys.Read(r.Pooled, m))));
            cells.Add(F(r?.Routing?.RoutingAccuracy));
            cells.Add(F(r?.Timings.FitS));
            cells.Add(F(r?.Timings.ScoreMsPerImage));
            cells.Add(F(r?.Memory.BankEntries));
            cells.Add(Jobs.Csv.Escape(run.Error));
            sb.AppendLine(string.Join(',', cells));
        }
        return sb.ToString();
    }

    private static string F(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
