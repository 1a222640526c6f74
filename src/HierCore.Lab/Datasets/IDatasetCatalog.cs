namespace HierCore.Lab.Datasets;

/// <summary>Datasets the dashboard may offer, found under the configured roots (see EngineRegistration).</summary>
public interface IDatasetCatalog
{
    IReadOnlyList<DatasetInfo> List();

    /// <summary>Generates the built-in demo dataset under data/datasets if it is missing.</summary>
    Task EnsureDemoAsync(CancellationToken cancellationToken);
}

public sealed record DatasetInfo(string Name, string Root, string Format, IReadOnlyList<DatasetClassInfo> Classes, string? Problem = null)
{
    public int TrainImages => Classes.Sum(c => c.Train);
    public int TestImages => Classes.Sum(c => c.TestGood + c.TestDefective);
}

/// <summary>One class: image counts and the first training image (absolute path) as its thumbnail.</summary>
public sealed record DatasetClassInfo(string Name, int Train, int TestGood, int TestDefective, IReadOnlyList<string> DefectTypes, string? Thumbnail);
