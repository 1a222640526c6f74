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
    public static double Compute(IReadOnlyList<float[]> maps, IReadOnlyList<byte[]?> masks, int width, int height,
        double maxFpr = DefaultMaxFpr)
    {
        var (fpr, pro) = Curve(maps, masks, width, height);
        return fpr.Length == 0 ? double.NaN : TrapezoidUpTo(fpr, pro, maxFpr) / maxFpr;
    }

    /// <summary>
    /// The PRO curve: one (FPR, PRO) point per distinct score in decreasing order, starting at (0, 0) and ending
    /// at (1, 1). Empty when AUPRO is undefined.
    /// </summary>
    public static (double[] Fpr, double[] Pro) Curve(IReadOnlyList<float[]> maps, IReadOnlyList<byte[]?> masks, int width, int height)
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
        if (regionSizes.Count == 0 || normals == 0) return ([], []);

        Array.Sort(keys, payload);
        double regions = regionSizes.Count;
        var fprs = new List<double> { 0 };
        var pros = new List<double> { 0 };
        long falsePositives = 0;
        double overlapSum = 0; // Σ over region pixels above threshold of 1/|region|
        for (int j = keys.Length - 1; j >= 0; j--)
        {
            if (payload[j] < 0) falsePositives++;
            else overlapSum += 1.0 / regionSizes[payload[j]];
            if (j > 0 && keys[j - 1] == keys[j]) continue; // a tie group crosses the threshold together
            fprs.Add((double)falsePositives / normals);
            pros.Add(Math.Min(1.0, overlapSum / regions)); // clip summation round-off, as MVTec does
        }
        return (fprs.ToArray(), pros.ToArray());
    }

    /// <summary>Trapezoid area under (x, y) for x ∈ [0, xMax], x non-decreasing; y interpolated linearly at xMax.</summary>
    internal static double TrapezoidUpTo(double[] x, double[] y, double xMax)
    {
        if (!(xMax > 0 && xMax <= 1))
            throw new ArgumentOutOfRangeException(nameof(xMax), xMax, $"{nameof(Aupro)}: the FPR limit must lie in (0, 1].");
        double area = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] <= xMax)
            {
                area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
                continue;
            }
            double yAtMax = y[i - 1] + (y[i] - y[i - 1]) * (xMax - x[i - 1]) / (x[i] - x[i - 1]);
            area += (xMax - x[i - 1]) * (yAtMax + y[i - 1]) / 2;
            break;
        }
        return area;
    }
}
