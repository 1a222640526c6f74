namespace HierCore.Engine.Datasets.Catalog;

/// <summary>
/// What a dataset folder holds, as <see cref="DatasetCatalog.Describe"/> finds it: its layout and, per class, the image
/// counts. A folder that fails to load has no classes and says why in <paramref name="Problem"/>.
/// </summary>
public sealed record DatasetInfo(string Name, string Root, string Format, IReadOnlyList<DatasetClassInfo> Classes, string? Problem = null)
{
    public int TrainImages => Classes.Sum(c => c.Train);
    public int TestImages => Classes.Sum(c => c.TestGood + c.TestDefective);
    public int DefectiveImages => Classes.Sum(c => c.TestDefective);
}

/// <summary>One class: image counts and the first training image (absolute path) as its thumbnail.</summary>
public sealed record DatasetClassInfo(string Name, int Train, int TestGood, int TestDefective, IReadOnlyList<string> DefectTypes, string? Thumbnail);
