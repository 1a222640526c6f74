using System.Collections.Concurrent;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Checks a run's dataset before the engine starts: the folder is there and laid out right (loader), every image
/// opens and every mask has its image's size (image headers only). A bad file then fails the run in a second with
/// every problem listed, instead of after feature extraction and fitting. A dataset that passed is not checked
/// again while its image counts stay the same (the engine still fails on a file that breaks later).
/// </summary>
public sealed class DatasetPreflight(Hosting.LabPaths paths) : IDatasetPreflight
{
    private readonly ConcurrentDictionary<string, bool> _verified = new();

    public void Check(string specDataset)
    {
        var datasetsDirectory = paths.DatasetsDirectory;
        var dataset = DatasetCatalog.Resolve(specDataset, datasetsDirectory);
        var key = $"{dataset.Root}|{dataset.Train.Count}|{dataset.Test.Count}";
        if (_verified.ContainsKey(key)) return;
        DatasetValidator.Verify(dataset, decodeAll: false);
        _verified[key] = true;
    }
}

/// <summary>The dataset check before a run (see EngineRegistration; tests with a fake engine skip it).</summary>
public interface IDatasetPreflight
{
    /// <summary>Throws a DatasetException listing the problems of the run's dataset.</summary>
    void Check(string specDataset);
}
