using HierCore.Engine.Experiments;
using HierCore.Lab.Data;

namespace HierCore.Lab.Jobs;

/// <summary>Flattens a RunResult into one Metric row per (name, scope); values not computed (NaN) get no row.</summary>
public static class MetricRows
{
    public static readonly IReadOnlyList<string> SetMetrics =
        ["image_auroc", "pixel_auroc", "aupro", "image_f1_max", "image_f1_deployable", "accuracy_deployable"];

    public static IEnumerable<Metric> From(RunId id, RunResult r)
    {
        var version = r.MetricDefinitionVersion;
        IEnumerable<(string Name, string Scope, double Value)> values =
        [
            ("headline", MetricScopes.Run, r.Headline),
            .. Set(MetricScopes.Mean, r.MeanOverClasses.ImageAuroc, r.MeanOverClasses.PixelAuroc, r.MeanOverClasses.Aupro,
                r.MeanOverClasses.ImageF1Max, r.MeanOverClasses.ImageF1Deployable, r.MeanOverClasses.AccuracyDeployable),
            .. Set(MetricScopes.Pooled, r.Pooled.ImageAuroc, r.Pooled.PixelAuroc, r.Pooled.Aupro,
                r.Pooled.ImageF1Max, r.Pooled.ImageF1Deployable, r.Pooled.AccuracyDeployable),
            .. r.PerClass.SelectMany(c => Set(c.Class, c.ImageAuroc, c.PixelAuroc, c.Aupro, c.ImageF1Max, c.ImageF1Deployable, c.AccuracyDeployable)),
            ("routing_accuracy", MetricScopes.Run, r.Routing?.RoutingAccuracy ?? double.NaN),
            ("clustering_purity", MetricScopes.Run, r.Routing?.ClusteringPurity ?? double.NaN),
            ("clustering_nmi", MetricScopes.Run, r.Routing?.ClusteringNmi ?? double.NaN),
            ("features_s", MetricScopes.Run, r.Timings.FeaturesS),
            ("fit_s", MetricScopes.Run, r.Timings.FitS),
            ("bank_build_s", MetricScopes.Run, r.Timings.BankBuildS),
            ("score_ms_per_image", MetricScopes.Run, r.Timings.ScoreMsPerImage),
            ("total_s", MetricScopes.Run, r.Timings.TotalS),
            ("bank_entries", MetricScopes.Run, r.Memory.BankEntries),
            ("bank_bytes", MetricScopes.Run, r.Memory.BankBytes),
            ("peak_rss_bytes", MetricScopes.Run, r.Memory.PeakRssBytes),
        ];
        return values.Where(v => double.IsFinite(v.Value))
            .Select(v => new Metric { RunId = id, Name = v.Name, Scope = v.Scope, Value = v.Value, DefinitionVersion = version });
    }

    private static IEnumerable<(string, string, double)> Set(string scope, params double[] v) =>
        SetMetrics.Select((name, i) => (name, scope, v[i]));
}
