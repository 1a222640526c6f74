using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Reports;

/// <summary>The numbers Compare can show, read from a stored RunResult by name.</summary>
public static class MetricKeys
{
    public const string Headline = "headline";
    public static readonly IReadOnlyList<string> Set =
        ["image_auroc", "pixel_auroc", "aupro", "image_f1_max", "image_f1_deployable", "accuracy_deployable"];
    public static readonly IReadOnlyList<string> RunLevel =
        ["routing_accuracy", "fit_s", "bank_build_s", "score_ms_per_image", "bank_entries"];
    public static readonly IReadOnlyList<string> All = [Headline, .. Set, .. RunLevel];
    public static readonly IReadOnlyList<string> Scopes = ["mean", "pooled"];

    public static bool IsKnown(string? metric) => metric is not null && All.Contains(metric);
    public static bool HasScope(string metric) => Set.Contains(metric);
    public static bool HigherIsBetter(string metric) => !metric.EndsWith("_s") && metric is not ("score_ms_per_image" or "bank_entries");

    public static string Label(string metric) => metric switch
    {
        Headline => "Headline",
        "image_auroc" => "I-AUROC",
        "pixel_auroc" => "P-AUROC",
        "aupro" => "AUPRO",
        "image_f1_max" => "F1-max",
        "image_f1_deployable" => "F1 @ deployable",
        "accuracy_deployable" => "Accuracy @ deployable",
        "routing_accuracy" => "Routing accuracy",
        "fit_s" => "Fit (s)",
        "bank_build_s" => "Bank build (s)",
        "score_ms_per_image" => "Score (ms/image)",
        "bank_entries" => "Bank entries",
        _ => metric
    };

    /// <summary>The run's value of a metric (scope mean or pooled for image/pixel metrics); NaN when absent.</summary>
    public static double Read(RunResult r, string metric, string scope) => metric switch
    {
        Headline => r.Headline,
        "routing_accuracy" => r.Routing?.RoutingAccuracy ?? double.NaN,
        "fit_s" => r.Timings.FitS,
        "bank_build_s" => r.Timings.BankBuildS,
        "score_ms_per_image" => r.Timings.ScoreMsPerImage,
        "bank_entries" => r.Memory.BankEntries,
        _ => Read(scope == "pooled" ? r.Pooled : r.MeanOverClasses, metric)
    };

    public static double Read(MetricSet s, string metric) => metric switch
    {
        "image_auroc" => s.ImageAuroc,
        "pixel_auroc" => s.PixelAuroc,
        "aupro" => s.Aupro,
        "image_f1_max" => s.ImageF1Max,
        "image_f1_deployable" => s.ImageF1Deployable,
        "accuracy_deployable" => s.AccuracyDeployable,
        _ => double.NaN
    };

    public static double Read(ClassMetrics c, string metric) => metric switch
    {
        "image_auroc" or Headline => c.ImageAuroc,
        "pixel_auroc" => c.PixelAuroc,
        "aupro" => c.Aupro,
        "image_f1_max" => c.ImageF1Max,
        "image_f1_deployable" => c.ImageF1Deployable,
        "accuracy_deployable" => c.AccuracyDeployable,
        _ => double.NaN
    };
}
