using System.Numerics;
using System.Runtime.CompilerServices;

namespace HierCore.Engine.Memory;

/// <summary>
/// The one Euclidean distance used by every coreset code path. The naive and the pruned k-center
/// selections must compare bit-identical numbers, so both call exactly this function (same summation
/// order, same fused multiply-adds). It sums (a−b)² directly instead of ‖a‖²+‖b‖²−2ab: all terms are
/// non-negative, so the result has a small *relative* error, which the pruning bound relies on.
/// </summary>
internal static class SquaredDistanceKernel
{
    /// <summary>Upper bound on the relative error of <see cref="Distance"/> for rows of length d (generous).</summary>
    public static double RelativeError(int d) =>
        (d / (double)Vector<float>.Count + 32) * Math.Pow(2, -24);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe float Distance(float* a, float* b, int d) => MathF.Sqrt(Squared(a, b, d));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe float Squared(float* a, float* b, int d)
    {
        int w = Vector<float>.Count, i = 0;
        var acc0 = Vector<float>.Zero;
        var acc1 = Vector<float>.Zero;
        var acc2 = Vector<float>.Zero;
        var acc3 = Vector<float>.Zero;
        // Four independent accumulators hide the fused multiply-add latency (a single chain is ~4x slower).
        for (; i <= d - 4 * w; i += 4 * w)
        {
            var d0 = Unsafe.ReadUnaligned<Vector<float>>(a + i) - Unsafe.ReadUnaligned<Vector<float>>(b + i);
            var d1 = Unsafe.ReadUnaligned<Vector<float>>(a + i + w) - Unsafe.ReadUnaligned<Vector<float>>(b + i + w);
            var d2 = Unsafe.ReadUnaligned<Vector<float>>(a + i + 2 * w) - Unsafe.ReadUnaligned<Vector<float>>(b + i + 2 * w);
            var d3 = Unsafe.ReadUnaligned<Vector<float>>(a + i + 3 * w) - Unsafe.ReadUnaligned<Vector<float>>(b + i + 3 * w);
            acc0 = Vector.FusedMultiplyAdd(d0, d0, acc0);
            acc1 = Vector.FusedMultiplyAdd(d1, d1, acc1);
            acc2 = Vector.FusedMultiplyAdd(d2, d2, acc2);
            acc3 = Vector.FusedMultiplyAdd(d3, d3, acc3);
        }
        for (; i <= d - w; i += w)
        {
            var d0 = Unsafe.ReadUnaligned<Vector<float>>(a + i) - Unsafe.ReadUnaligned<Vector<float>>(b + i);
            acc0 = Vector.FusedMultiplyAdd(d0, d0, acc0);
        }
        float sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
        for (; i < d; i++)
        {
            float t = a[i] - b[i];
            sum = MathF.FusedMultiplyAdd(t, t, sum);
        }
        return sum;
    }
}
