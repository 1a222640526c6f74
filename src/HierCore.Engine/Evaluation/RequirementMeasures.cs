using HierCore.Engine.Contracts;

namespace HierCore.Engine.Evaluation;

/// <summary>
/// The paper's requirements (METHOD.md §1.2) measured over a set of runs:
/// R1 per-class fidelity against PatchCore one-class in S1, R2 robustness to missing labels, and stability.
/// Pairs that do not exist give null values, never exceptions. When two runs share dataset, variant, method,
/// scenario and seed, the first one in the input is used.
/// </summary>
public static class RequirementMeasures
{
    /// <summary>Δc above this counts a class as "behind" the one-class reference.</summary>
    public const double R1Tolerance = 0.01;

    public const string ReferenceMethod = "patchcore-oc";

    public static RequirementReport Compute(IReadOnlyList<RunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var runs = results
            .Select(r => (Result: r, Variant: RunSettings.VariantKey(r.Config), Scenario: ParseScenario(r.Scenario)))
            .DistinctBy(r => (r.Result.Dataset, r.Variant, r.Result.Method, r.Result.Scenario, r.Result.Seed))
            .ToList();

        var r1 = runs.Select(r => R1Row(r.Result, r.Variant, FindReference(r.Result, r.Variant, runs))).ToList();
        var r2 = runs
            .GroupBy(r => (r.Result.Dataset, r.Variant, r.Result.Method, r.Result.Seed))
            .Select(g => R2Row(g.Key.Dataset, g.Key.Method, g.Key.Seed, g.Key.Variant,
                g.Where(r => r.Scenario is not null).ToDictionary(r => r.Scenario!.Value, r => r.Result)))
            .ToList();

        var r1Summary = r1
            .GroupBy(r => (r.Dataset, r.Variant, r.Method, r.Scenario))
            .Select(g => new R1FidelitySummary(g.Key.Dataset, g.Key.Method, g.Key.Scenario, g.Key.Variant, g.Count(),
                MeanStd.OfPresent(g.Select(r => r.MeanDelta)),
                MeanStd.OfPresent(g.Select(r => r.MaxDelta)),
                MeanStd.OfPresent(g.Select(r => (double?)r.ClassesBehind))))
            .ToList();
        var r2Summary = r2
            .GroupBy(r => (r.Dataset, r.Variant, r.Method))
            .Select(g => new R2RobustnessSummary(g.Key.Dataset, g.Key.Method, g.Key.Variant, g.Count(),
                MeanStd.OfPresent(g.Select(r => r.HeadlineDropS1S2)),
                MeanStd.OfPresent(g.Select(r => r.HeadlineDropS3S4)),
                MeanStd.OfPresent(g.Select(r => r.F1DeployableDropS1S2)),
                MeanStd.OfPresent(g.Select(r => r.F1DeployableDropS3S4)),
                MeanStd.OfPresent(g.Select(r => r.Stability))))
            .ToList();
        return new RequirementReport(r1, r2, r1Summary, r2Summary);
    }

    /// <summary>
    /// The patchcore-oc S1 run of the same dataset and seed: the one with the same variant if present, else the
    /// first whose memory banks score alike (features, and the registry's coreset and score settings: coreset ratio,
    /// projection, re-weighting).
    /// </summary>
    private static (RunResult Result, string Variant)? FindReference(
        RunResult run, string variant, IReadOnlyList<(RunResult Result, string Variant, Scenario? Scenario)> runs)
    {
        var candidates = runs
            .Where(r => r.Result.Method == ReferenceMethod && r.Scenario == Scenario.S1
                        && r.Result.Dataset == run.Dataset && r.Result.Seed == run.Seed)
            .ToList();
        var match = candidates.FirstOrDefault(r => r.Variant == variant);
        if (match.Result is null)
            match = candidates.FirstOrDefault(r => RunSettings.ScoresKey(r.Result.Config) == RunSettings.ScoresKey(run.Config));
        return match.Result is null ? null : (match.Result, match.Variant);
    }

    private static R1FidelityRow R1Row(RunResult run, string variant, (RunResult Result, string Variant)? reference)
    {
        var row = new R1FidelityRow
        {
            Dataset = run.Dataset, Method = run.Method, Scenario = run.Scenario, Seed = run.Seed, Variant = variant,
            ReferenceVariant = reference?.Variant,
        };
        if (reference is null) return row;

        var referenceAuroc = reference.Value.Result.PerClass
            .Where(c => !double.IsNaN(c.ImageAuroc))
            .DistinctBy(c => c.Class)
            .ToDictionary(c => c.Class, c => c.ImageAuroc, StringComparer.Ordinal);
        var deltas = run.PerClass
            .Where(c => !double.IsNaN(c.ImageAuroc) && referenceAuroc.ContainsKey(c.Class))
            .DistinctBy(c => c.Class)
            .Select(c => new ClassDelta(c.Class, referenceAuroc[c.Class], c.ImageAuroc, referenceAuroc[c.Class] - c.ImageAuroc))
            .ToList();
        if (deltas.Count == 0) return row;

        var worst = deltas.MaxBy(d => d.Delta)!;
        return row with
        {
            ClassesCompared = deltas.Count,
            MeanDelta = deltas.Average(d => d.Delta),
            MaxDelta = worst.Delta,
            WorstClass = worst.Class,
            ClassesBehind = deltas.Count(d => d.Delta > R1Tolerance),
            Deltas = deltas,
        };
    }

    private static R2RobustnessRow R2Row(string dataset, string method, int seed, string variant,
        IReadOnlyDictionary<Scenario, RunResult> byScenario)
    {
        double? Headline(Scenario s) => Defined(byScenario.GetValueOrDefault(s)?.Headline);
        double? F1(Scenario s) => Defined(byScenario.GetValueOrDefault(s)?.Pooled.ImageF1Deployable);

        var available = ScenarioExtensions.All.Where(s => Headline(s) is not null).ToList();
        var headlines = available.Select(s => Headline(s)!.Value).ToList();
        return new R2RobustnessRow
        {
            Dataset = dataset, Method = method, Seed = seed, Variant = variant,
            HeadlineS1 = Headline(Scenario.S1), HeadlineS2 = Headline(Scenario.S2),
            HeadlineS3 = Headline(Scenario.S3), HeadlineS4 = Headline(Scenario.S4),
            HeadlineDropS1S2 = Headline(Scenario.S1) - Headline(Scenario.S2),
            HeadlineDropS3S4 = Headline(Scenario.S3) - Headline(Scenario.S4),
            F1DeployableDropS1S2 = F1(Scenario.S1) - F1(Scenario.S2),
            F1DeployableDropS3S4 = F1(Scenario.S3) - F1(Scenario.S4),
            Stability = headlines.Count >= 2 ? headlines.Max() - headlines.Min() : null,
            StabilityScenarios = string.Join(',', available),
        };
    }

    // A NaN metric (e.g. a not-applicable run) is as missing as an absent run.
    private static double? Defined(double? v) => v is { } x && !double.IsNaN(x) ? x : null;

    private static Scenario? ParseScenario(string text) =>
        Enum.TryParse<Scenario>(text?.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
}
