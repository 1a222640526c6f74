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
                var headline = MeanStd.Of(g.Select(r => r.Headline));
                var f1 = MeanStd.Of(g.Select(r => r.Pooled.ImageF1Deployable));
                return new StudyCell(g.Key.Method, g.Key.Scenario, g.Count(), headline.Mean, headline.Std ?? 0, f1.Mean, f1.Std ?? 0);
            })
            .ToArray();
}
