using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets;

/// <summary>
/// MVTec AD layout, which also describes any plain folder of classes:
/// <c>&lt;class&gt;/train/good/*</c>, <c>&lt;class&gt;/test/&lt;defect|good&gt;/*</c>,
/// <c>&lt;class&gt;/ground_truth/&lt;defect&gt;/&lt;stem&gt;_mask.png</c>.
/// </summary>
public static class MvtecLoader
{
    public const string FormatName = "mvtec";
    public const string Good = "good";

    /// <summary>True when some subfolder of <paramref name="root"/> has a train/ or test/ folder.</summary>
    public static bool LooksLike(string root) =>
        Directory.Exists(root) && ImageFiles.Subfolders(root).Any(IsClassFolder);

    public static AnomalyDataset Load(string root, string? name = null)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
            throw new DatasetException($"Dataset folder not found: '{root}'.");
        var classes = ImageFiles.Subfolders(root).Where(IsClassFolder).Select(d => Path.GetFileName(d)!).ToList();
        if (classes.Count == 0)
            throw new DatasetException(
                $"No classes found in '{root}': expected <class>/train/good and <class>/test/<defect> folders (MVTec AD layout).");
        var train = new List<ImageSample>();
        var test = new List<ImageSample>();
        foreach (var cls in classes)
        {
            train.AddRange(LoadTrain(root, cls));
            test.AddRange(LoadTest(root, cls));
        }
        ClassRules.Check(root, classes, train, test);
        return new AnomalyDataset(name ?? Path.GetFileName(root), root, FormatName, classes, train, test);
    }

    private static bool IsClassFolder(string dir) =>
        Directory.Exists(Path.Combine(dir, "train")) || Directory.Exists(Path.Combine(dir, "test"));

    private static IEnumerable<ImageSample> LoadTrain(string root, string cls)
    {
        var folder = Path.Combine(root, cls, "train", Good);
        if (!Directory.Exists(folder))
            throw new DatasetException($"Class '{cls}': missing folder '{folder}'.");
        var files = ImageFiles.List(folder);
        if (files.Count == 0)
            throw new DatasetException($"Class '{cls}' has no training images in '{folder}'.");
        return files.Select(f => new ImageSample(cls, Split.Train, f, null, false, Good));
    }

    private static List<ImageSample> LoadTest(string root, string cls)
    {
        var testFolder = Path.Combine(root, cls, "test");
        if (!Directory.Exists(testFolder))
            throw new DatasetException($"Class '{cls}': missing folder '{testFolder}'.");
        // Normals first, then defect types in ordinal order: a stable order for scores and reports.
        var defectFolders = ImageFiles.Subfolders(testFolder)
            .OrderBy(d => Path.GetFileName(d) == Good ? 0 : 1).ThenBy(Path.GetFileName, StringComparer.Ordinal);
        var samples = new List<ImageSample>();
        foreach (var folder in defectFolders)
        {
            var defect = Path.GetFileName(folder)!;
            var files = ImageFiles.List(folder);
            if (defect == Good)
            {
                samples.AddRange(files.Select(f => new ImageSample(cls, Split.Test, f, null, false, Good)));
                continue;
            }
            var masks = MasksByStem(Path.Combine(root, cls, "ground_truth", defect));
            foreach (var file in files)
            {
                var stem = Path.GetFileNameWithoutExtension(file);
                if (!masks.TryGetValue(stem, out var mask))
                    throw new DatasetException(
                        $"Class '{cls}': no mask for defective image '{file}' " +
                        $"(expected '{Path.Combine(root, cls, "ground_truth", defect, stem + "_mask.png")}').");
                samples.Add(new ImageSample(cls, Split.Test, file, mask, true, defect));
            }
        }
        if (samples.Count == 0)
            throw new DatasetException($"Class '{cls}' has no test images in '{testFolder}'.");
        return samples;
    }

    /// <summary>
    /// Masks keyed by the stem of the image they belong to ("000_mask.png" → "000"; a bare "000.png" is accepted too).
    /// Pairing by stem, not by sorted position, keeps 000/001/010 right whatever order the OS lists them in.
    /// </summary>
    private static Dictionary<string, string> MasksByStem(string folder)
    {
        var byStem = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return byStem;
        foreach (var file in ImageFiles.List(folder))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            if (stem.EndsWith("_mask", StringComparison.Ordinal))
                byStem[stem[..^"_mask".Length]] = file;        // the MVTec name wins over a bare one
            else
                byStem.TryAdd(stem, file);
        }
        return byStem;
    }
}
