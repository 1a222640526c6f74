using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets;

/// <summary>Rules every loaded class must meet, whatever the layout it came from.</summary>
internal static class ClassRules
{
    /// <summary>
    /// Throws unless each class has training images and test images. A class without anomalous test images
    /// is allowed (image AUROC is then undefined for it, which evaluation reports, not the loader).
    /// </summary>
    public static void Check(string datasetRoot, IReadOnlyList<string> classes, IReadOnlyList<ImageSample> train, IReadOnlyList<ImageSample> test)
    {
        if (classes.Count == 0)
            throw new DatasetException($"Dataset '{datasetRoot}' has no classes.");
        foreach (var cls in classes)
        {
            if (!train.Any(s => s.ClassName == cls))
                throw new DatasetException($"Class '{cls}' in '{datasetRoot}' has no training images.");
            if (!test.Any(s => s.ClassName == cls))
                throw new DatasetException($"Class '{cls}' in '{datasetRoot}' has no test images.");
        }
    }
}
