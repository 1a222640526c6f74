namespace HierCore.Engine.Memory.Clustering;

/// <summary>Image descriptors as one row-major float block (validated), with helpers the grouping methods share.</summary>
internal sealed class Descriptors
{
    private Descriptors(float[] values, int rows, int dim)
    {
        Values = values;
        Rows = rows;
        Dim = dim;
    }

    public float[] Values { get; }
    public int Rows { get; }
    public int Dim { get; }

    public static Descriptors From(float[][] x, string caller)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length == 0) throw new ArgumentException($"{caller}: no descriptors to group.", nameof(x));
        int dim = x[0]?.Length ?? 0;
        if (dim == 0) throw new ArgumentException($"{caller}: descriptors must be non-empty.", nameof(x));
        var values = new float[(long)x.Length * dim];
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] is null || x[i].Length != dim)
                throw new ArgumentException($"{caller}: descriptor {i} has length {x[i]?.Length ?? 0}, expected {dim}.", nameof(x));
            if (x[i].Any(v => !float.IsFinite(v)))
                throw new ArgumentException($"{caller}: descriptor {i} contains NaN or infinity.", nameof(x));
            x[i].CopyTo(values, (long)i * dim);
        }
        return new Descriptors(values, x.Length, dim);
    }

    public unsafe float SquaredDistance(int i, float[] other, int j)
    {
        fixed (float* a = Values)
        fixed (float* b = other)
            return SquaredDistanceKernel.Squared(a + (long)i * Dim, b + (long)j * Dim, Dim);
    }

    /// <summary>Full Euclidean distance matrix (N ≤ a few thousand), shared by silhouette over many K.</summary>
    public float[] DistanceMatrix()
    {
        var d = new float[(long)Rows * Rows];
        for (int i = 0; i < Rows; i++)
            for (int j = i + 1; j < Rows; j++)
                d[(long)i * Rows + j] = d[(long)j * Rows + i] = MathF.Sqrt(SquaredDistance(i, Values, j));
        return d;
    }

    /// <summary>Mean descriptor of each label (an empty label keeps a zero centroid).</summary>
    public float[][] Centroids(int[] labels, int k)
    {
        var sums = new double[k, Dim];
        var counts = new int[k];
        for (int i = 0; i < Rows; i++)
        {
            counts[labels[i]]++;
            for (int c = 0; c < Dim; c++) sums[labels[i], c] += Values[(long)i * Dim + c];
        }
        var centroids = new float[k][];
        for (int g = 0; g < k; g++)
        {
            centroids[g] = new float[Dim];
            for (int c = 0; c < Dim && counts[g] > 0; c++) centroids[g][c] = (float)(sums[g, c] / counts[g]);
        }
        return centroids;
    }
}
