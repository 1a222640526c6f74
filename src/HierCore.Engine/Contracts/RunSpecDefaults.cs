namespace HierCore.Engine.Contracts;

/// <summary>
/// The default of every run setting, in one place: <see cref="RunSpec"/>'s initialisers, the CLI's option defaults
/// and the Lab's sweep form all read these.
/// </summary>
public static class RunSpecDefaults
{
    public const int Seed = 0;
    public const double CoresetRatio = 0.1;
    public const string Embedding = "concat";
    public const int Resize = 256;
    public const int Crop = 224;
    public const string Backbone = "resnet18";
    public const string Device = "auto";
    public const bool Reweighting = false;
    public const double Lambda = 3.0;
    public const string Criterion = "leave-image-out";
    public const string Grouping = "silhouette";
    public const int MaxClusters = 30;
    public const string Routing = "nearest";
    public const int ProjectionDim = 128;
    public const int MapsPerClass = 2;
}
