using HierCore.Engine.Datasets.Textures;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Tests.Datasets.Textures;

public sealed class TexturePrimitivesTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        // Reference values of Vigna's splitmix64.c for seed 1234567.
        var rng = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()));
    }

    [Fact]
    public void Streams_per_key_are_stable_and_distinct()
    {
        Assert.Equal(SplitMix64.ForKey(3, "a/train/good/000.png").NextUInt64(), SplitMix64.ForKey(3, "a/train/good/000.png").NextUInt64());
        Assert.NotEqual(SplitMix64.ForKey(3, "a/train/good/000.png").NextUInt64(), SplitMix64.ForKey(3, "a/train/good/001.png").NextUInt64());
        Assert.NotEqual(SplitMix64.ForKey(3, "a/train/good/000.png").NextUInt64(), SplitMix64.ForKey(4, "a/train/good/000.png").NextUInt64());
    }

    [Fact]
    public void NextInt_stays_in_range_and_hits_every_value()
    {
        var rng = new SplitMix64(9);
        var seen = new int[7];
        for (var i = 0; i < 2000; i++) seen[rng.NextInt(7)]++;
        Assert.All(seen, count => Assert.InRange(count, 200, 380));
    }

    [Fact]
    public void Mitchell_resampling_preserves_constants_and_reproduces_a_linear_ramp()
    {
        // B + 2C = 1 makes the Mitchell filter exact on linear functions (away from the clamped edges).
        var src = new RgbImage(64, 8);
        for (var y = 0; y < 8; y++)
        for (var x = 0; x < 64; x++)
        {
            var i = src.Index(x, y);
            src.Data[i] = 2 * x + 10; src.Data[i + 1] = 77; src.Data[i + 2] = 3 * y;
        }
        var dst = Resampler.Resample(src, new PixelRect(0, 0, 64, 8), 32, 8); // 2× down in x only
        for (var x = 4; x < 28; x++)
        {
            var i = dst.Index(x, 3);
            var sourceX = (x + 0.5) * 2 - 0.5;
            Assert.Equal(2 * sourceX + 10, dst.Data[i], 3);
            Assert.Equal(77, dst.Data[i + 1], 3);
            Assert.Equal(9, dst.Data[i + 2], 3);
        }
    }

    [Fact]
    public void Resampling_reads_nothing_outside_its_window()
    {
        var src = new RgbImage(40, 40);
        Array.Fill(src.Data, 200f);
        var window = new PixelRect(10, 10, 20, 20);
        for (var y = window.Y; y < window.Bottom; y++)
        for (var x = window.X; x < window.Right; x++)
        {
            var i = src.Index(x, y);
            src.Data[i] = src.Data[i + 1] = src.Data[i + 2] = 50;
        }
        var dst = Resampler.Resample(src, window, 13, 13);
        Assert.All(dst.Data, v => Assert.Equal(50, v, 3));
    }

    [Fact]
    public void Perlin_noise_is_seed_determined_and_varies()
    {
        var a = new PerlinNoise(new SplitMix64(1));
        var b = new PerlinNoise(new SplitMix64(1));
        var c = new PerlinNoise(new SplitMix64(2));
        var points = Enumerable.Range(0, 50).Select(i => (i * 0.37, i * 0.11)).ToList();
        Assert.Equal(points.Select(p => a.Fbm(p.Item1, p.Item2, 3)), points.Select(p => b.Fbm(p.Item1, p.Item2, 3)));
        Assert.NotEqual(points.Select(p => a.Fbm(p.Item1, p.Item2, 3)), points.Select(p => c.Fbm(p.Item1, p.Item2, 3)));
        Assert.Equal(0, a.Noise(3, 5), 12); // gradient noise vanishes on the integer lattice
        Assert.All(points, p => Assert.InRange(a.Fbm(p.Item1, p.Item2, 3), -1.0001, 1.0001));
    }
}
