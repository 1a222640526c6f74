using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Experiments;

/// <summary>
/// One row of the criterion study: a dataset × criterion variant × method, from S1 and S4 runs of one seed
/// (the first seed when a sweep had several). S4 falls back to S2 for methods that need training labels,
/// so PatchCore-OC's row still shows its pooled figures. NaN = no such run.
/// </summary>
public sealed record StudyRow(
    string Dataset, string Criterion, string Scale, string Method,
    double HeadlineS1, double HeadlineS4, string PooledScenario,
    double PooledMinusMeanS4, double F1DeployableS1, double F1DeployableS4,
    double FalseAlarmS1, double FalseAlarmS4, double NominalFalseAlarm, double BankBuildS1, double BankBuildS4);

/// <summary>Builds the study rows from the runs of one or more sweeps.</summary>
public static class StudyTable
{
    public static IReadOnlyList<StudyRow> Build(IEnumerable<RunResult> runs) =>
        runs.GroupBy(r => (r.Dataset, r.Config.Criterion, r.Config.Scale, r.Method))
            .OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Criterion, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Scale, StringComparer.Ordinal).ThenBy(g => MethodOrder(g.Key.Method))
            .Select(g =>
            {
                var seed = g.Min(r => r.Seed);
                RunResult? At(string s) => g.FirstOrDefault(r => r.Seed == seed && r.Scenario == s);
                var s1 = At("S1");
                var (pooledScenario, s4) = At("S4") is { } four ? ("S4", four) : ("S2", At("S2"));
                var lambda = (s1 ?? s4)?.Config.Lambda ?? 3.0;
                return new StudyRow(g.Key.Dataset, g.Key.Criterion, g.Key.Scale, g.Key.Method,
                    s1?.Headline ?? double.NaN, s4?.Headline ?? double.NaN, pooledScenario,
                    s4 is null ? double.NaN : s4.Pooled.ImageAuroc - s4.MeanOverClasses.ImageAuroc,
                    s1?.Pooled.ImageF1Deployable ?? double.NaN, s4?.Pooled.ImageF1Deployable ?? double.NaN,
                    s1?.Pooled.FalseAlarmRateDeployable ?? double.NaN, s4?.Pooled.FalseAlarmRateDeployable ?? double.NaN,
                    ThresholdOutcome.NominalFalseAlarmRate(lambda),
                    s1?.Timings.BankBuildS ?? double.NaN, s4?.Timings.BankBuildS ?? double.NaN);
            })
            .ToArray();

    static int MethodOrder(string method) => Methods.MethodCatalog.Names.ToList().IndexOf(method);
}
