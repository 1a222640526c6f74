using HierCore.Engine.Contracts;

namespace HierCore.Engine.Evaluation;

/// <summary>A method/scenario pair a sweep skipped, and why (listed, not failed).</summary>
public sealed record NotApplicablePair(string Method, string Scenario, string Reason);

/// <summary>One cell of the method × scenario matrix: mean ± std over seeds.</summary>
public sealed record StudyCell(string Method, string Scenario, int Runs, double HeadlineMean, double HeadlineStd, double F1DeployableMean, double F1DeployableStd);

/// <summary>sweep.json: every run's result plus the requirement measures computed from them.</summary>
public sealed record SweepReport
{
    public required IReadOnlyList<RunResult> Runs { get; init; }
    public required RequirementReport Requirements { get; init; }
    public required IReadOnlyList<StudyCell> Matrix { get; init; }
    public required IReadOnlyList<NotApplicablePair> NotApplicable { get; init; }
    public double WallS { get; init; }
    public int FeaturesExtracted { get; init; }

    public static SweepReport Create(IReadOnlyList<RunResult> runs, IReadOnlyList<NotApplicablePair> notApplicable, double wallSeconds, int featuresExtracted) => new()
    {
        Runs = runs,
        Requirements = RequirementMeasures.Compute(runs),
        Matrix = StudyMatrix.Build(runs),
        NotApplicable = notApplicable,
        WallS = wallSeconds,
        FeaturesExtracted = featuresExtracted,
    };
}

/// <summary>Headline and deployable F1 per method × scenario, mean ± std (sample std; 0 for one seed) over seeds.</summary>
public static class StudyMatrix
{
    public static IReadOnlyList<StudyCell> Build(IEnumerable<RunResult> runs) =>
        runs.GroupBy(r => (r.Method, r.Scenario))
            .OrderBy(g => g.Key.Method, StringComparer.Ordinal).ThenBy(g => g.Key.Scenario, StringComparer.Ordinal)
            .Select(g =>
            {
                var (hm, hs) = MeanStd(g.Select(r => r.Headline));
                var (fm, fs) = MeanStd(g.Select(r => r.Pooled.ImageF1Deployable));
                return new StudyCell(g.Key.Method, g.Key.Scenario, g.Count(), hm, hs, fm, fs);
            })
            .ToArray();

    public static (double Mean, double Std) MeanStd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) return (double.NaN, double.NaN);
        var mean = v.Average();
        var std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return (mean, std);
    }
}
