namespace HierCore.Engine.Evaluation;

/// <summary>
/// Area under the per-region-overlap curve up to a false-positive rate, normalised to [0, 1] — the MVTec AD
/// definition (Bergmann et al., IJCV 2021, and its official <c>compute_pro</c>):
/// <list type="bullet">
/// <item>regions are the 8-connected components of every ground-truth mask;</item>
/// <item>PRO(t) = mean over all regions of the fraction of the region's pixels with score ≥ t;</item>
/// <item>FPR(t) = fraction of all normal pixels (outside every mask, normal images included) with score ≥ t;</item>
/// <item>AUPRO = ∫₀^maxFpr PRO d(FPR) by the trapezoid rule, the point at exactly maxFpr interpolated, / maxFpr.</item>
/// </list>
/// Exact: every distinct pixel score is a threshold (one sort of all pixels), not a fixed threshold grid as in
/// some libraries, so the value matches MVTec's own script and does not depend on a grid size.
/// </summary>
public static class Aupro
{
    public const double DefaultMaxFpr = 0.3;

    /// <returns>AUPRO in [0, 1]; NaN when there is no defect region or no normal pixel.</returns>
    /// <remarks>
    /// The curve is integrated as it is walked and the walk stops past <paramref name="maxFpr"/>: a pooled MVTec-sized
    /// test set has 30 M pixels and nearly as many distinct scores, and keeping the whole curve as two double arrays
    /// (plus their list growth) cost more than a gigabyte.
    /// </remarks>
    public static double Compute(IReadOnlyList<float[]> maps, IReadOnlyList<byte[]?> masks, int width, int height,
        double maxFpr = DefaultMaxFpr)
    {
        CheckFprLimit(maxFpr);
        var points = Points(maps, masks, width, height);
        return points is null ? double.NaN : TrapezoidUpTo(points, maxFpr) / maxFpr;
    }

    /// <summary>
    /// The PRO curve: one (FPR, PRO) point per distinct score in decreasing order, starting at (0, 0) and ending
    /// at (1, 1). Empty when AUPRO is undefined.
    /// </summary>
    public static (double[] Fpr, double[] Pro) Curve(IReadOnlyList<float[]> maps, IReadOnlyList<byte[]?> masks, int width, int height)
    {
        var points = Points(maps, masks, width, height)?.ToList();
        return points is null ? ([], []) : ([.. points.Select(p => p.Fpr)], [.. points.Select(p => p.Pro)]);
    }

    /// <summary>The curve's points, produced lazily from one sort of all pixels; null when AUPRO is undefined.</summary>
    private static IEnumerable<(double Fpr, double Pro)>? Points(IReadOnlyList<float[]> maps, IReadOnlyList<byte[]?> masks, int width, int height)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"{nameof(Aupro)}: map size {width}×{height} must be positive.");
        PixelInput.Check(maps, masks, nameof(Aupro), width * height);

        // Per pixel: its score and what it adds when it crosses the threshold — a normal pixel adds one false
        // positive (payload −1), a region pixel adds 1/|region| to that region's overlap (payload = region index).
        long total = (long)maps.Count * width * height;
        if (total > Array.MaxLength)
            throw new ArgumentException($"{nameof(Aupro)}: {total} pixels exceed the largest array .NET can sort.");
        var keys = new float[total];
        var payload = new int[total];
        var regionSizes = new List<int>();
        long normals = 0;
        int k = 0;
        for (int i = 0; i < maps.Count; i++)
        {
            int[]? labels = null;
            if (masks[i] is { } mask)
            {
                var (l, sizes) = ConnectedRegions.Label(mask, width, height);
                for (int j = 0; j < l.Length; j++) if (l[j] >= 0) l[j] += regionSizes.Count;
                regionSizes.AddRange(sizes);
                labels = l;
            }
            var map = maps[i];
            for (int j = 0; j < map.Length; j++, k++)
            {
                if (float.IsNaN(map[j])) throw new ArgumentException($"{nameof(Aupro)}: map #{i} has NaN at pixel {j}.");
                keys[k] = map[j];
                payload[k] = labels?[j] ?? -1;
                if (payload[k] < 0) normals++;
            }
        }
        if (regionSizes.Count == 0 || normals == 0) return null;

        Array.Sort(keys, payload);
        return Walk(keys, payload, regionSizes, normals);
    }

    private static IEnumerable<(double Fpr, double Pro)> Walk(float[] keys, int[] payload, List<int> regionSizes, long normals)
    {
        double regions = regionSizes.Count;
        yield return (0, 0);
        long falsePositives = 0;
        double overlapSum = 0; // Σ over region pixels above threshold of 1/|region|
        for (int j = keys.Length - 1; j >= 0; j--)
        {
            if (payload[j] < 0) falsePositives++;
            else overlapSum += 1.0 / regionSizes[payload[j]];
            if (j > 0 && keys[j - 1] == keys[j]) continue; // a tie group crosses the threshold together
            yield return ((double)falsePositives / normals, Math.Min(1.0, overlapSum / regions)); // clip round-off, as MVTec does
        }
    }

    private static void CheckFprLimit(double xMax)
    {
        if (!(xMax > 0 && xMax <= 1))
            throw new ArgumentOutOfRangeException(nameof(xMax), xMax, $"{nameof(Aupro)}: the FPR limit must lie in (0, 1].");
    }

    /// <summary>Trapezoid area under (x, y) for x ∈ [0, xMax], x non-decreasing; y interpolated linearly at xMax.</summary>
    internal static double TrapezoidUpTo(double[] x, double[] y, double xMax) => TrapezoidUpTo(x.Zip(y), xMax);

    /// <summary>As above over points read once, in order; stops at the first point past xMax.</summary>
    internal static double TrapezoidUpTo(IEnumerable<(double X, double Y)> points, double xMax)
    {
        CheckFprLimit(xMax);
        double area = 0;
        bool first = true;
        (double X, double Y) previous = default;
        foreach (var point in points)
        {
            if (first) { previous = point; first = false; continue; }
            if (point.X <= xMax)
            {
                area += (point.X - previous.X) * (point.Y + previous.Y) / 2;
                previous = point;
                continue;
            }
            double yAtMax = previous.Y + (point.Y - previous.Y) * (xMax - previous.X) / (point.X - previous.X);
            area += (xMax - previous.X) * (yAtMax + previous.Y) / 2;
            break;
        }
        return area;
    }
}
