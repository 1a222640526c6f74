using HierCore.Engine.Evaluation;
using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Data;
using HierCore.Lab.Sweeps;

namespace HierCore.Lab.Reports;

public sealed record StoredResult(RunId RunId, RunResult Result);

/// <summary>The succeeded runs of one sweep and the shape of its grid (methods × scenarios × classes).</summary>
public sealed record CompareData(SweepId SweepId, string SweepName, string Dataset, IReadOnlyList<StoredResult> Results,
    IReadOnlyList<string> Methods, IReadOnlyList<string> Scenarios, int TotalRuns, int FinishedRuns)
{
    public IReadOnlyList<string> Classes { get; } =
        Results.SelectMany(r => r.Result.PerClass.Select(c => c.Class)).Distinct().Order(StringComparer.Ordinal).ToList();

    public bool IsApplicable(string method, string scenario) =>
        !Enum.TryParse<Scenario>(scenario, out var s) || MethodCatalog.IsApplicable(method, s);

    public MeanStd Cell(string method, string scenario, string metric, string scope) =>
        MeanStd.Of(Results.Where(r => r.Result.Method == method && r.Result.Scenario == scenario)
            .Select(r => MetricKeys.Read(r.Result, metric, scope)));

    /// <summary>Per-class value of one method × scenario, mean ± std over seeds.</summary>
    public MeanStd ClassCell(string cls, string method, string scenario, string metric) =>
        MeanStd.Of(Results.Where(r => r.Result.Method == method && r.Result.Scenario == scenario)
            .SelectMany(r => r.Result.PerClass.Where(c => c.Class == cls)).Select(c => MetricKeys.Read(c, metric)));

    public IReadOnlyList<(string Method, string Scenario)> Columns =>
        (from m in Methods from s in Scenarios where IsApplicable(m, s) select (m, s)).ToList();
}
