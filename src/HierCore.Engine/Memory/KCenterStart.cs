namespace HierCore.Engine.Memory;

/// <summary>
/// The shared start of approximate greedy k-center (METHOD.md §3.1, patchcore-inspection's
/// ApproximateGreedyCoresetSampler): a few random starting points, and every point's min-distance set to
/// its mean distance to them. The starting points only seed the distances; they are not picks.
/// </summary>
internal static class KCenterStart
{
    public const int StartingPoints = 10;

    /// <summary>Distinct random rows, drawn with <see cref="Random"/>(seed), whose sequence is stable across .NET versions.</summary>
    public static int[] StartPoints(int n, int seed)
    {
        int count = Math.Min(StartingPoints, n);
        var random = new Random(seed);
        var chosen = new List<int>(count);
        while (chosen.Count < count)
        {
            int i = random.Next(n);
            if (!chosen.Contains(i)) chosen.Add(i);
        }
        return [.. chosen];
    }

    public static unsafe float[] InitialMinDistance(ProjectedFeatures f, int[] starts)
    {
        var min = new float[f.Rows];
        int d = f.Dim;
        fixed (float* x = f.Values)
            for (int i = 0; i < f.Rows; i++)
            {
                float sum = 0;
                foreach (int s in starts)
                    sum += SquaredDistanceKernel.Distance(x + (long)i * d, x + (long)s * d, d);
                min[i] = sum / starts.Length;
            }
        return min;
    }

    /// <summary>First index of the largest value, like torch.argmax: ties go to the smaller index.</summary>
    public static unsafe int ArgMaxFirst(float* values, int n)
    {
        int best = 0;
        float bestValue = values[0];
        for (int i = 1; i < n; i++)
            if (values[i] > bestValue) { bestValue = values[i]; best = i; }
        return best;
    }
}
