namespace HierCore.Engine.Contracts;

/// <summary>Image- and pixel-level metrics of one scope (a class or all test images pooled); NaN = undefined.</summary>
public record MetricSet
{
    public double ImageAuroc { get; init; } = double.NaN;
    public double PixelAuroc { get; init; } = double.NaN;
    public double Aupro { get; init; } = double.NaN;
    public double ImageF1Max { get; init; } = double.NaN;
    public double ImageF1Deployable { get; init; } = double.NaN;
    public double AccuracyDeployable { get; init; } = double.NaN;

    /// <summary>Share of good test images the deployable rule z &gt; λ flags; compare with the rule's nominal rate.</summary>
    public double FalseAlarmRateDeployable { get; init; } = double.NaN;
}

/// <summary>The metrics of one class, with its test counts.</summary>
public sealed record ClassMetrics : MetricSet
{
    public required string Class { get; init; }
    public int TestImages { get; init; }
    public int Anomalous { get; init; }
}

/// <summary>
/// Routing and clustering quality for methods that route or cluster (null otherwise). Routing accuracy and purity
/// judge a group by its majority class, which means something only when clusters match classes one to one
/// (<see cref="ClustersMatchClasses"/>); otherwise read the <see cref="Contingency"/> table instead.
/// </summary>
public sealed record RoutingMetrics
{
    public double RoutingAccuracy { get; init; } = double.NaN;
    public double? ClusteringPurity { get; init; }
    public double? ClusteringNmi { get; init; }
    public int Groups { get; init; }

    /// <summary>Classes among the training images.</summary>
    public int Classes { get; init; }

    /// <summary>As many groups as classes, each with a different majority class (always true when groups are classes).</summary>
    public bool ClustersMatchClasses { get; init; } = true;

    /// <summary>Training images per group × class, when groups are clusters (null when they are the classes).</summary>
    public IReadOnlyList<GroupClassCounts>? Contingency { get; init; }
}

/// <summary>One row of the cluster × class contingency table: how many training images of each class a group holds.</summary>
public sealed record GroupClassCounts(string Group, IReadOnlyDictionary<string, int> Classes);

/// <summary>
/// Seconds of one run. FitS and TotalS are this run's wall time. BankBuildS and ScoreMsPerImage are the costs of the
/// banks it used as measured when they were built and when they scored, which may have been in an earlier run of the
/// same sweep (BanksReused, ScoresReused say how much this run took over instead of computing).
/// </summary>
public sealed record Timings
{
    public double FeaturesS { get; init; }
    public double FitS { get; init; }
    public double BankBuildS { get; init; }
    public double ScoreMsPerImage { get; init; }
    public double TotalS { get; init; }
    public int BanksReused { get; init; }

    /// <summary>Groups whose bank was loaded from the on-disk bank store (data/banks) instead of built.</summary>
    public IReadOnlyList<string> BanksLoaded { get; init; } = [];

    /// <summary>Coresets (with their criteria) this run computed; 0 when every bank was reused or loaded.</summary>
    public int CoresetsBuilt { get; init; }

    public int ScoresReused { get; init; }
    /// <summary>Coresets this run took over from a run that differs only in criterion or re-weighting (criterion estimated anew).</summary>
    public int CoresetsReused { get; init; }
}

public sealed record MemoryStats
{
    public long BankEntries { get; init; }
    public long BankBytes { get; init; }
    public long PeakRssBytes { get; init; }
}

/// <summary>One test image's outcome.</summary>
public sealed record ImageScore(
    string Class, string Image, bool Label, double Score, double NormalizedScore, string RoutedGroup, string DefectType);

/// <summary>A stored anomaly-map picture (PNG bytes): image, mask and heat map side by side.</summary>
public sealed record AnomalyMapArtifact(string Class, string Image, bool Label, double Score, byte[] Png);

/// <summary>
/// Per-group deployable criterion, recorded for the score-distribution plots. <paramref name="Samples"/> counts the
/// group's own unmemorised normal scores; <paramref name="Fallback"/> is "pooled" when the group had too few of them
/// (a one-image group) and borrowed the criterion pooled over the method's other groups, null otherwise.
/// </summary>
public sealed record GroupCriterion(string Group, double Mean, double Std, double Threshold, int Samples, string? MajorityClass, string? Fallback = null);

/// <summary>Everything a run produced. Serialized (snake_case) as result.json.</summary>
public sealed record RunResult
{
    public required string Dataset { get; init; }
    public required string Method { get; init; }
    public required string Scenario { get; init; }
    public int Seed { get; init; }
    public required RunSpec Config { get; init; }
    public double Headline { get; init; }
    public required MetricSet MeanOverClasses { get; init; }
    public required MetricSet Pooled { get; init; }
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }
    public RoutingMetrics? Routing { get; init; }
    public required Timings Timings { get; init; }
    public required MemoryStats Memory { get; init; }
    public required IReadOnlyList<GroupCriterion> Criteria { get; init; }
    public string MetricDefinitionVersion { get; init; } = MetricDefinitions.Version;

    /// <summary>Images this run had to push through the backbone (0 when every feature came from the cache).</summary>
    public int FeaturesExtracted { get; init; }

    /// <summary>Per-image scores (scores.csv); not part of result.json.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<ImageScore> Scores { get; init; } = [];
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<AnomalyMapArtifact> Maps { get; init; } = [];

    /// <summary>
    /// The fitted model (.hcm, see Models.ModelFile) written at the end of the run when the runner exports models:
    /// a file the caller takes over (moves into its results); null otherwise. Not part of result.json.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore] public string? ModelFile { get; init; }
}

public static class MetricDefinitions
{
    /// <summary>
    /// Bumped whenever a metric's definition changes, so stored numbers never change meaning silently.
    /// v1: AUROC with ties as half (= sklearn roc_auc_score); AUPRO = MVTec per-region overlap, integrated to FPR 0.3
    /// over all normal pixels, normalised by 0.3; F1-max over every distinct threshold.
    /// </summary>
    public const string Version = "v1";
}
