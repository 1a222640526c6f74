namespace HierCore.Engine.Datasets.Textures;

/// <summary>Where a test or train image came from: the photo, the crop window in photo pixels and mirroring.</summary>
internal sealed record CropRecord(string Photo, PixelRect Crop, bool FlipH, bool FlipV);

/// <summary>A synthesized defect: the image before 8-bit rounding, its exact mask and every sampled parameter.</summary>
internal sealed record DefectDraw(RgbImage Image, bool[] Mask, SortedDictionary<string, object> Parameters);

/// <summary>A finished defective image and what the validity check measured on it.</summary>
internal sealed record DefectResult(
    RgbImage Image,
    bool[] Mask,
    SortedDictionary<string, object> Parameters,
    int Attempts,
    double Coverage,
    double MeanAbsChange);
