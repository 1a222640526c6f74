using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Features;
using HierCore.Engine.Imaging;
using HierCore.Engine.Methods;
using HierCore.Engine.Rendering;

namespace HierCore.Engine.Experiments;

/// <summary>
/// Turns a method's predictions into a run's result. This is where test labels are read again, after scoring:
/// per-class grouping of metrics, routing accuracy, clustering purity and NMI against the hidden classes.
/// </summary>
public static class ResultAssembler
{
    public static RunResult Evaluate(AnomalyDataset dataset, RunSpec spec, IAnomalyMethod method, IReadOnlyList<Prediction> predictions, CancellationToken ct)
    {
        var majority = MajorityClasses(dataset, method);
        var scored = new List<ScoredImage>(predictions.Count);
        for (var i = 0; i < predictions.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var sample = dataset.Test[i];
            var p = predictions[i];
            scored.Add(new ScoredImage(sample.ClassName, sample.IsAnomalous, p.Score, p.NormalizedScore,
                p.ZMap(spec.Crop), sample.LoadMask(spec.Resize, spec.Crop)));
        }
        var metrics = new Evaluator(spec.Crop, spec.Crop).Evaluate(scored, spec.Scenario, spec.Lambda, ct);

        var scores = predictions.Select((p, i) => new ImageScore(
            dataset.Test[i].ClassName, dataset.Test[i].Id, dataset.Test[i].IsAnomalous, p.Score, p.NormalizedScore,
            method.Groups[p.Group].Name, dataset.Test[i].DefectType)).ToArray();

        return new RunResult
        {
            Dataset = dataset.Name,
            Method = method.Name,
            Scenario = spec.Scenario.ToString(),
            Seed = spec.Seed,
            Config = spec,
            Headline = metrics.Headline,
            MeanOverClasses = metrics.MeanOverClasses,
            Pooled = metrics.Pooled,
            PerClass = metrics.PerClass,
            Routing = Routing(dataset, spec, method, predictions),
            Criteria = Criteria(method, spec.Lambda, majority),
            Scores = scores,
            Maps = MapArtifacts.Render(dataset, spec, scored, predictions),
            Timings = new Timings(),
            Memory = new MemoryStats(),
        };
    }

    public static IReadOnlyList<GroupCriterion> Criteria(IAnomalyMethod method, double lambda, string?[]? majority = null) =>
        method.Groups.Select((g, i) => new GroupCriterion(g.Name, g.Model.Criterion.Center, g.Model.Criterion.Spread,
            g.Model.Criterion.Threshold(lambda), g.Model.Criterion.Samples, majority?[i], g.Model.Criterion.Fallback)).ToArray();

    /// <summary>Majority training class of each group (hidden from the method; used only to judge routing).</summary>
    static string?[] MajorityClasses(AnomalyDataset dataset, IAnomalyMethod method) =>
        RoutingEvaluation.MajorityClasses(method.TrainingGroups, dataset.Train.Select(s => s.ClassName).ToArray(), method.Groups.Count);

    static RoutingMetrics? Routing(AnomalyDataset dataset, RunSpec spec, IAnomalyMethod method, IReadOnlyList<Prediction> predictions) =>
        method.Groups.Count < 2
            ? null // one bank: nothing is routed
            : RoutingEvaluation.Compute(method.TrainingGroups, dataset.Train.Select(s => s.ClassName).ToArray(),
                predictions.Select(p => p.Group).ToArray(), dataset.Test.Select(s => s.ClassName).ToArray(),
                method.Groups.Select(g => g.Name).ToArray(), spec.Scenario.TrainLabels());
}
