using System.Collections.Concurrent;
using HierCore.Engine.Datasets;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Checks a run's dataset before the engine starts: the folder is there and laid out right (loader), every image
/// opens and every mask has its image's size (image headers only). A bad file then fails the run in a second with
/// every problem listed, instead of after feature extraction and fitting. A dataset that passed is not checked
/// again while its image counts stay the same (the engine still fails on a file that breaks later).
/// </summary>
public static class DatasetPreflight
{
    private static readonly ConcurrentDictionary<string, bool> Verified = new();

    public static void Check(string specDataset, string datasetsDirectory)
    {
        var dataset = DatasetCatalog.Resolve(specDataset, datasetsDirectory);
        var key = $"{dataset.Root}|{dataset.Train.Count}|{dataset.Test.Count}";
        if (Verified.ContainsKey(key)) return;
        DatasetValidator.Verify(dataset, decodeAll: false);
        Verified[key] = true;
    }
}
