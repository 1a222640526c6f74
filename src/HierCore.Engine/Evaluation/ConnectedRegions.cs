namespace HierCore.Engine.Evaluation;

/// <summary>Connected components of a binary ground-truth mask; each component is one defect region for AUPRO.</summary>
public static class ConnectedRegions
{
    /// <summary>
    /// Labels the non-zero pixels of <paramref name="mask"/> by 8-connectivity (as MVTec AD's evaluation, which
    /// uses scipy.ndimage.label with a 3×3 structure). Returns per-pixel labels (−1 = background, else 0..count−1)
    /// and the pixel count of each region.
    /// </summary>
    public static (int[] Labels, int[] Sizes) Label(byte[] mask, int width, int height)
    {
        if (mask.Length != width * height)
            throw new ArgumentException($"{nameof(ConnectedRegions)}: mask has {mask.Length} pixels, expected {width}×{height}.");
        var labels = new int[mask.Length];
        Array.Fill(labels, -1);
        var sizes = new List<int>();
        var stack = new Stack<int>();
        for (int start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || labels[start] >= 0) continue;
            int region = sizes.Count, size = 0;
            labels[start] = region;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int at = stack.Pop();
                size++;
                int y = at / width, x = at % width;
                for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int ny = y + dy, nx = x + dx;
                    if (ny < 0 || ny >= height || nx < 0 || nx >= width) continue;
                    int next = ny * width + nx;
                    if (mask[next] == 0 || labels[next] >= 0) continue;
                    labels[next] = region;
                    stack.Push(next);
                }
            }
            sizes.Add(size);
        }
        return (labels, sizes.ToArray());
    }
}
