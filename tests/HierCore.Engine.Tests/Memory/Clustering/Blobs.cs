namespace HierCore.Engine.Tests.Memory.Clustering;

/// <summary>Well-separated Gaussian blobs with known membership, and a purity check up to relabelling.</summary>
internal static class Blobs
{
    public static (float[][] X, int[] Truth) Make(int blobs, int perBlob, int dim, double spread, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var centres = Enumerable.Range(0, blobs).Select(_ => Enumerable.Range(0, dim).Select(_ => 10 * Normal()).ToArray()).ToArray();
        var x = new List<float[]>();
        var truth = new List<int>();
        for (int i = 0; i < blobs * perBlob; i++)
        {
            int b = i % blobs;   // interleaved, so a label cannot come from the row order
            x.Add([.. centres[b].Select(c => (float)(c + spread * Normal()))]);
            truth.Add(b);
        }
        return ([.. x], [.. truth]);
    }

    /// <summary>True when both labellings define the same partition.</summary>
    public static bool SamePartition(int[] a, int[] b) =>
        a.Zip(b).Distinct().Count() == a.Distinct().Count() && a.Distinct().Count() == b.Distinct().Count();
}
