using static TorchSharp.torch;

namespace HierCore.Engine.Memory;

/// <summary>The shape of synthetic feature rows (what `hiercore bench` and the coreset tests select from).</summary>
public enum SyntheticPatchShape
{
    /// <summary>Patch-like: 32 clusters, each spread over its own random 8-dim subspace, plus small noise.</summary>
    Clustered,
    /// <summary>Isotropic Gaussian: the worst case for pruning (all distances concentrate).</summary>
    Gaussian,
}

/// <summary>Seeded synthetic feature rows with the structure of real patch features, without a backbone.</summary>
public static class SyntheticPatchFeatures
{
    /// <summary>[n, d] float32 rows drawn from a torch generator seeded with <paramref name="seed"/>.</summary>
    public static Tensor Generate(int n, int d, int seed, SyntheticPatchShape shape)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed + 1, CPU);
        if (shape == SyntheticPatchShape.Gaussian)
            return randn([n, d], generator: g).MoveToOuterDisposeScope();
        const int clusters = 32, latent = 8;
        var centres = randn([clusters, d], generator: g) * 4;
        var bases = randn([clusters, latent, d], generator: g) / MathF.Sqrt(latent);
        var cluster = randint(clusters, [n], generator: g);
        var z = randn([n, 1, latent], generator: g);
        var points = z.bmm(bases.index_select(0, cluster)).squeeze(1) + centres.index_select(0, cluster);
        return (points + 0.05f * randn([n, d], generator: g)).MoveToOuterDisposeScope();
    }
}
