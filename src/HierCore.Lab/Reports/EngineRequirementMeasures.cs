using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Reports;

/// <summary>
/// The engine's RequirementMeasures as rows for the Compare page: its per-seed summaries (mean ± std) flattened
/// into one row per requirement measure. Pass/fail is not decided here but by RequirementThresholds.
/// </summary>
public sealed class EngineRequirementMeasures : IRequirementMeasures
{
    public IReadOnlyList<RequirementMeasure>? Compute(IReadOnlyList<RunResult> results)
    {
        var report = RequirementMeasures.Compute(results);
        // The variant (settings) is named only when a sweep mixes several, to keep the common case short.
        var manyVariants = report.R2.Select(r => r.Variant).Distinct().Count() > 1;
        var manyDatasets = report.R2.Select(r => r.Dataset).Distinct().Count() > 1;
        string Where(string dataset, string variant) =>
            (manyDatasets ? $" · {dataset}" : "") + (manyVariants ? $" · {variant}" : "");

        var rows = new List<RequirementMeasure>();
        foreach (var r in report.R1.Where(r => !(r.Method == RequirementMeasures.ReferenceMethod && r.Scenario == nameof(Scenario.S1))))
        {
            var detail = $"vs PatchCore-OC (S1), in {r.Scenario}{Where(r.Dataset, r.Variant)}";
            Add(rows, RequirementKind.R1MaxDelta, r.Method, "max Δ " + detail, r.MaxDelta);
            Add(rows, RequirementKind.R1MeanDelta, r.Method, "mean Δ " + detail, r.MeanDelta);
            Add(rows, RequirementKind.R1ClassesBehind, r.Method, $"classes with Δ > {RequirementMeasures.R1Tolerance} " + detail, r.ClassesBehind);
        }
        foreach (var r in report.R2)
        {
            var where = Where(r.Dataset, r.Variant);
            Add(rows, RequirementKind.R2HeadlineDrop, r.Method, "headline S1 → S2" + where, r.HeadlineDropS1S2);
            Add(rows, RequirementKind.R2HeadlineDrop, r.Method, "headline S3 → S4" + where, r.HeadlineDropS3S4);
            Add(rows, RequirementKind.R2F1Drop, r.Method, "deployable F1 S1 → S2" + where, r.F1DeployableDropS1S2);
            Add(rows, RequirementKind.R2F1Drop, r.Method, "deployable F1 S3 → S4" + where, r.F1DeployableDropS3S4);
            var scenarios = report.R2PerSeed
                .Where(p => p.Dataset == r.Dataset && p.Method == r.Method && p.Variant == r.Variant)
                .Select(p => p.StabilityScenarios).FirstOrDefault(s => s.Length > 0);
            Add(rows, RequirementKind.Stability, r.Method, $"max − min headline over {scenarios?.Replace(",", ", ") ?? "scenarios"}{where}", r.Stability);
        }
        var order = MethodCatalog.Names.ToList();
        return rows.OrderBy(r => r.Kind is RequirementKind.Stability ? 2 : r.Kind >= RequirementKind.R2HeadlineDrop ? 1 : 0)
            .ThenBy(r => order.IndexOf(r.Method)).ThenBy(r => r.Kind).ToList();
    }

    private static void Add(List<RequirementMeasure> rows, RequirementKind kind, string method, string detail, MeanStd? value)
    {
        if (value is { } v && double.IsFinite(v.Mean)) rows.Add(new RequirementMeasure(kind, method, detail, v.Mean, v.Std, v.N));
    }
}
