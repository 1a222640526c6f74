namespace HierCore.Engine.Contracts;

/// <summary>
/// Everything that identifies one run: dataset × method × scenario × settings × seed.
/// Serialized as the run's "config"; two runs with equal specs must give identical results.
/// </summary>
public sealed record RunSpec
{
    public required string Dataset { get; init; }           // name under data/datasets or an absolute path
    public required string Method { get; init; }            // patchcore | patchcore-oc | hiercore
    public required Scenario Scenario { get; init; }
    public int Seed { get; init; } = RunSpecDefaults.Seed;
    public double CoresetRatio { get; init; } = RunSpecDefaults.CoresetRatio;
    public string Embedding { get; init; } = RunSpecDefaults.Embedding;      // concat | pooled1024
    public int Resize { get; init; } = RunSpecDefaults.Resize;
    public int Crop { get; init; } = RunSpecDefaults.Crop;
    public string Backbone { get; init; } = RunSpecDefaults.Backbone;
    public string Device { get; init; } = RunSpecDefaults.Device;            // auto | cpu | cuda | cuda:N
    public bool Reweighting { get; init; } = RunSpecDefaults.Reweighting;    // PatchCore eq. 7, b = 9
    public double Lambda { get; init; } = RunSpecDefaults.Lambda;            // deployable threshold z > λ
    public string Criterion { get; init; } = RunSpecDefaults.Criterion;      // leave-image-out | folds:F
    public string Grouping { get; init; } = RunSpecDefaults.Grouping;        // silhouette | k:K | ward:T  (used without train labels)
    public int MaxClusters { get; init; } = RunSpecDefaults.MaxClusters;     // Kmax cap for silhouette
    public string Routing { get; init; } = RunSpecDefaults.Routing;          // nearest | top2
    public int ProjectionDim { get; init; } = RunSpecDefaults.ProjectionDim; // coreset random projection
    public int MapsPerClass { get; init; } = RunSpecDefaults.MapsPerClass;   // anomaly-map images kept per class

    /// <summary>The identity of a run's features (only these settings change the cached features).</summary>
    public string FeatureKey => $"{Backbone}_r{Resize}_c{Crop}_{Embedding}";
}
