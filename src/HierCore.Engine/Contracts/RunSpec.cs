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
    public int Seed { get; init; }
    public double CoresetRatio { get; init; } = 0.1;
    public string Embedding { get; init; } = "concat";      // concat | pooled1024
    public int Resize { get; init; } = 256;
    public int Crop { get; init; } = 224;
    public string Backbone { get; init; } = "resnet18";
    public string Device { get; init; } = "auto";           // auto | cpu | cuda | cuda:N
    public bool Reweighting { get; init; }                  // PatchCore eq. 7, b = 9
    public double Lambda { get; init; } = 3.0;              // deployable threshold z > λ
    public string Criterion { get; init; } = "leave-image-out"; // leave-image-out | folds:F
    public string Grouping { get; init; } = "silhouette";   // silhouette | k:K | ward:T  (used without train labels)
    public int MaxClusters { get; init; } = 30;             // Kmax cap for silhouette
    public string Routing { get; init; } = "nearest";       // nearest | top2
    public int ProjectionDim { get; init; } = 128;          // coreset random projection
    public int MapsPerClass { get; init; } = 2;             // anomaly-map images kept per class

    /// <summary>The identity of a run's features (only these settings change the cached features).</summary>
    public string FeatureKey => $"{Backbone}_r{Resize}_c{Crop}_{Embedding}";
}
