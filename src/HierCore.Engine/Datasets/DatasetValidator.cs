using HierCore.Engine.Contracts;
using HierCore.Engine.Imaging;

namespace HierCore.Engine.Datasets;

/// <summary>Pre-flight check of a loaded dataset, so a bad file fails a run before hours of feature extraction.</summary>
public static class DatasetValidator
{
    private const int MaxListed = 20;

    /// <summary>
    /// Checks every image opens (fully decodes when <paramref name="decodeAll"/>, else reads its header) and every
    /// mask has its image's size. Throws one <see cref="DatasetException"/> listing the problems found.
    /// </summary>
    public static void Verify(AnomalyDataset ds, bool decodeAll)
    {
        var problems = new List<string>();
        foreach (var cls in ds.Classes)
        {
            if (!ds.Train.Any(s => s.ClassName == cls)) problems.Add($"Class '{cls}' has no training images.");
            if (!ds.Test.Any(s => s.ClassName == cls)) problems.Add($"Class '{cls}' has no test images.");
        }
        foreach (var sample in ds.Train.Concat(ds.Test))
        {
            try { Check(sample, decodeAll); }
            catch (DatasetException e) { problems.Add(e.Message); }
        }
        if (problems.Count == 0) return;
        var listed = string.Join(Environment.NewLine, problems.Take(MaxListed).Select(p => " - " + p));
        var more = problems.Count > MaxListed ? $"{Environment.NewLine} ... and {problems.Count - MaxListed} more" : "";
        throw new DatasetException(
            $"Dataset '{ds.Name}' ({ds.Root}) failed verification with {problems.Count} problem(s):{Environment.NewLine}{listed}{more}");
    }

    private static void Check(ImageSample sample, bool decodeAll)
    {
        var (w, h) = Size(sample.ImagePath, decodeAll);
        if (sample.IsAnomalous && sample.MaskPath is null)
            throw new DatasetException($"Anomalous image '{sample.ImagePath}' has no mask.");
        if (sample.MaskPath is null) return;
        var (mw, mh) = Size(sample.MaskPath, decodeAll);
        if (mw != w || mh != h)
            throw new DatasetException($"Mask '{sample.MaskPath}' is {mw}x{mh} but its image '{sample.ImagePath}' is {w}x{h}.");
    }

    private static (int Width, int Height) Size(string path, bool decode)
    {
        if (!decode) return ImageDecoder.ReadSize(path);
        var img = ImageDecoder.Decode(path);
        return (img.Width, img.Height);
    }
}
