using HierCore.Engine.Datasets.Catalog;

namespace HierCore.Lab.Datasets;

/// <summary>Datasets the dashboard may offer: folders under the configured roots (see EngineRegistration).</summary>
public interface IDatasetCatalog
{
    IReadOnlyList<DatasetInfo> List();

    /// <summary>
    /// A dataset named in a sweep request: a listed name, or a folder path inside one of the dataset roots.
    /// Anything else (unknown name, a path outside the roots) comes back with a message naming it.
    /// </summary>
    DatasetChoice Resolve(string nameOrPath);

    /// <summary>Generates the built-in demo dataset under data/datasets if it is missing.</summary>
    Task EnsureDemoAsync(CancellationToken cancellationToken);
}

/// <param name="SpecDataset">What goes into RunSpec.Dataset: a plain name for data/datasets, else the absolute folder.</param>
public sealed record DatasetChoice(string? Name, string? SpecDataset, string? Error)
{
    public static DatasetChoice Fail(string error) => new(null, null, error);
}
