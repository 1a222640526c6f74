using HierCore.Engine.Contracts;
using HierCore.Lab.Hosting;

namespace HierCore.Lab.Jobs;

/// <summary>
/// The worker's own check, when a run starts, that its dataset is inside the configured dataset roots after every
/// symbolic link is followed. The sweep form checked it at submit, but the roots may have changed since, a folder
/// may have been swapped for a link, or the run came from another web process with other settings.
/// </summary>
public sealed class DatasetRootCheck(LabPaths paths)
{
    /// <summary>Throws a DatasetException naming the dataset, where it leads and the roots.</summary>
    public void Check(string specDataset)
    {
        var plainName = specDataset.IndexOfAny(['/', '\\']) < 0 && specDataset is not ("." or "..");
        if (!plainName && !Path.IsPathRooted(specDataset))
            throw new DatasetException($"'{specDataset}' is neither a dataset name nor an absolute folder path.");
        var folder = plainName ? Path.Combine(paths.DatasetsDirectory, specDataset) : specDataset;
        if (paths.DatasetRoots.Any(root => RealPath.IsInside(folder, root))) return;
        throw new DatasetException(
            $"'{specDataset}' leads to '{RealPath.Resolve(folder)}', outside the dataset roots ({string.Join(", ", paths.DatasetRoots)}) " +
            "of this worker; add that folder's parent to Lab:DatasetRoots to use it.");
    }
}
