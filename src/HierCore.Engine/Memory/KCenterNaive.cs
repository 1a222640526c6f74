using System.Runtime.CompilerServices;

namespace HierCore.Engine.Memory;

/// <summary>
/// Straightforward approximate greedy k-center: after each pick, one distance row from the pick to all N
/// points, folded into the running min-distance. O(N·count·D); the reference the pruned search must match.
/// </summary>
internal static class KCenterNaive
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe long[] Run(ProjectedFeatures f, int count, int seed, CancellationToken ct = default)
    {
        var picks = new long[count];
        if (count == 0) return picks;
        var minDist = KCenterStart.InitialMinDistance(f, KCenterStart.StartPoints(f.Rows, seed));
        int n = f.Rows, d = f.Dim;
        fixed (float* x = f.Values)
        fixed (float* m = minDist)
            for (int t = 0; t < count; t++)
            {
                if ((t & 63) == 0) ct.ThrowIfCancellationRequested();
                int c = KCenterStart.ArgMaxFirst(m, n);
                picks[t] = c;
                float* pc = x + (long)c * d;
                for (int i = 0; i < n; i++)
                {
                    float di = SquaredDistanceKernel.Distance(x + (long)i * d, pc, d);
                    if (di < m[i]) m[i] = di;
                }
            }
        return picks;
    }
}
