using HierCore.Engine.Imaging;

namespace HierCore.Engine.Datasets;

public enum Split { Train, Test }

/// <summary>One image of a dataset. Train samples are always normal ("good").</summary>
/// <param name="ClassName">Product class (e.g. "bottle"). Only the runner may read it; methods get labels through the scenario.</param>
/// <param name="ImagePath">Absolute path of the image file.</param>
/// <param name="MaskPath">Ground-truth mask (non-zero = defect) for anomalous test images; null for normals.</param>
/// <param name="DefectType">"good" for normal images, else the defect folder name.</param>
public sealed record ImageSample(
    string ClassName,
    Split Split,
    string ImagePath,
    string? MaskPath,
    bool IsAnomalous,
    string DefectType)
{
    /// <summary>Stable identifier inside the dataset: class/split/defect/file stem.</summary>
    public string Id => $"{ClassName}/{Split.ToString().ToLowerInvariant()}/{DefectType}/{Path.GetFileNameWithoutExtension(ImagePath)}";

    /// <summary>
    /// The ground-truth mask at the model's input geometry (resize, centre crop), all zeros for a normal image.
    /// Reads the image header for its size, so a mask of another size is reported with both files named.
    /// </summary>
    public byte[] LoadMask(int resize, int crop)
    {
        if (MaskPath is null) return new byte[crop * crop];
        var (w, h) = ImageDecoder.ReadSize(ImagePath);
        return MaskLoader.Load(MaskPath, w, h, resize, crop, ImagePath);
    }
}
