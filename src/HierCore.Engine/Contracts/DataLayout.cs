namespace HierCore.Engine.Contracts;

/// <summary>
/// The runtime state under a data directory (data/ by default), as the engine's runner, the CLI and the Lab all find
/// it: datasets, the feature cache, the bank store and fitted models waiting to be filed with their run.
/// </summary>
public sealed record DataLayout(string Root)
{
    public string Datasets => Path.Combine(Root, "datasets");
    public string FeatureCache => Path.Combine(Root, "features");
    public string BankStore => Path.Combine(Root, "banks");
    public string PendingModels => Path.Combine(Root, "models", "pending");

    /// <summary>A dataset folder under <see cref="Datasets"/>.</summary>
    public string Dataset(string name) => Path.Combine(Datasets, name);
}
