namespace HierCore.Engine.Contracts;

/// <summary>
/// The names of a run's numbers (the snake_case names result.json gives them) and how to read each from a
/// <see cref="RunResult"/>: what the Lab's Compare page, its exports and the API speak of.
/// </summary>
public static class MetricKeys
{
    public const string Headline = "headline";
    public const string ImageAuroc = "image_auroc";
    public const string PixelAuroc = "pixel_auroc";
    public const string Aupro = "aupro";
    public const string ImageF1Max = "image_f1_max";
    public const string ImageF1Deployable = "image_f1_deployable";
    public const string AccuracyDeployable = "accuracy_deployable";
    public const string RoutingAccuracy = "routing_accuracy";
    public const string FitS = "fit_s";
    public const string BankBuildS = "bank_build_s";
    public const string ScoreMsPerImage = "score_ms_per_image";
    public const string BankEntries = "bank_entries";
    public static readonly IReadOnlyList<string> Set =
        [ImageAuroc, PixelAuroc, Aupro, ImageF1Max, ImageF1Deployable, AccuracyDeployable];
    public static readonly IReadOnlyList<string> RunLevel =
        [RoutingAccuracy, FitS, BankBuildS, ScoreMsPerImage, BankEntries];
    public static readonly IReadOnlyList<string> All = [Headline, .. Set, .. RunLevel];
    public const string ScopeMean = "mean";
    public const string ScopePooled = "pooled";
    public static readonly IReadOnlyList<string> Scopes = [ScopeMean, ScopePooled];

    public static bool IsKnown(string? metric) => metric is not null && All.Contains(metric);
    public static bool HasScope(string metric) => Set.Contains(metric);
    public static bool HigherIsBetter(string metric) => !metric.EndsWith("_s") && metric is not (ScoreMsPerImage or BankEntries);

    public static string Label(string metric) => metric switch
    {
        Headline => "Headline",
        ImageAuroc => "I-AUROC",
        PixelAuroc => "P-AUROC",
        Aupro => "AUPRO",
        ImageF1Max => "F1-max",
        ImageF1Deployable => "F1 @ deployable",
        AccuracyDeployable => "Accuracy @ deployable",
        RoutingAccuracy => "Routing accuracy",
        FitS => "Fit (s)",
        BankBuildS => "Bank build (s)",
        ScoreMsPerImage => "Score (ms/image)",
        BankEntries => "Bank entries",
        _ => metric
    };

    /// <summary>The run's value of a metric (scope mean or pooled for image/pixel metrics); NaN when absent.</summary>
    public static double Read(RunResult r, string metric, string scope) => metric switch
    {
        Headline => r.Headline,
        RoutingAccuracy => r.Routing?.RoutingAccuracy ?? double.NaN,
        FitS => r.Timings.FitS,
        BankBuildS => r.Timings.BankBuildS,
        ScoreMsPerImage => r.Timings.ScoreMsPerImage,
        BankEntries => r.Memory.BankEntries,
        _ => Read(scope == ScopePooled ? r.Pooled : r.MeanOverClasses, metric)
    };

    public static double Read(MetricSet s, string metric) => metric switch
    {
        ImageAuroc => s.ImageAuroc,
        PixelAuroc => s.PixelAuroc,
        Aupro => s.Aupro,
        ImageF1Max => s.ImageF1Max,
        ImageF1Deployable => s.ImageF1Deployable,
        AccuracyDeployable => s.AccuracyDeployable,
        _ => double.NaN
    };

    public static double Read(ClassMetrics c, string metric) => metric switch
    {
        ImageAuroc or Headline => c.ImageAuroc,
        PixelAuroc => c.PixelAuroc,
        Aupro => c.Aupro,
        ImageF1Max => c.ImageF1Max,
        ImageF1Deployable => c.ImageF1Deployable,
        AccuracyDeployable => c.AccuracyDeployable,
        _ => double.NaN
    };
}
