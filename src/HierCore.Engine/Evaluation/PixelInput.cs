namespace HierCore.Engine.Evaluation;

/// <summary>Shape checks for lists of anomaly maps and their ground-truth masks.</summary>
internal static class PixelInput
{
    public static void Check(IReadOnlyList<float[]> maps, IReadOnlyList<byte[]?> masks, string metric, int? pixelsPerImage = null)
    {
        if (maps.Count != masks.Count)
            throw new ArgumentException($"{metric}: {maps.Count} anomaly maps but {masks.Count} masks; they must pair up.");
        for (int i = 0; i < maps.Count; i++)
        {
            if (maps[i] is null) throw new ArgumentException($"{metric}: anomaly map #{i} is null.");
            if (pixelsPerImage is { } size && maps[i].Length != size)
                throw new ArgumentException($"{metric}: anomaly map #{i} has {maps[i].Length} pixels, expected width×height = {size}.");
            if (masks[i] is { } mask && mask.Length != maps[i].Length)
                throw new ArgumentException($"{metric}: mask #{i} has {mask.Length} pixels but its anomaly map has {maps[i].Length}.");
        }
    }
}
