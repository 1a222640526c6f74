using HierCore.Engine.Contracts;
using HierCore.Engine.Features;

namespace HierCore.Engine.Tests.Features;

public sealed class FeatureCacheTests : IDisposable
{
    private const string Settings = "backbone=resnet18;resize=256;crop=224;embedding=concat;format=1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ImageFeatures Sample(int seed, int patches = 16, int dim = 12)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, patches * dim).Select(_ => (float)(random.NextDouble() * 6 - 1)).ToArray();
        var descriptor = Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble()).ToArray();
        return new ImageFeatures(values, patches, dim, descriptor);
    }

    private string Image(string name, int seed) => _temp.File(name, new Random(seed).GetItems<byte>([1, 2, 3, 4, 5], 500));

    private FeatureCache NewCache(FeatureStorage storage = FeatureStorage.Float32) => new(Path.Combine(_temp.Path, "features"), storage);

    [Fact]
    public void Float32_round_trip_is_exact_and_counts_hits_and_writes()
    {
        var cache = NewCache();
        var image = Image("a.png", 1);
        var original = Sample(1);
        Assert.False(cache.TryGet(image, Settings, out _));
        cache.Put(image, Settings, original);
        Assert.True(cache.TryGet(image, Settings, out var back));
        Assert.Equal(original.Patches, back.Patches);
        Assert.Equal(original.Descriptor, back.Descriptor);
        Assert.Equal((original.PatchCount, original.Dim), (back.PatchCount, back.Dim));
        Assert.Equal((1L, 1L, 1L, 0L), (cache.Hits, cache.Misses, cache.Writes, cache.CorruptDetected));
    }

    [Fact]
    public void Float16_round_trip_is_within_half_precision_and_equals_AsStored()
    {
        var cache = NewCache(FeatureStorage.Float16);
        var image = Image("a.png", 2);
        var original = Sample(2);
        cache.Put(image, Settings, original);
        Assert.True(cache.TryGet(image, Settings, out var back));
        for (int i = 0; i < original.Patches.Length; i++)
            Assert.InRange(Math.Abs(back.Patches[i] - original.Patches[i]), 0, Math.Abs(original.Patches[i]) * Math.Pow(2, -11) + 1e-7);
        Assert.NotEqual(original.Patches, back.Patches);
        Assert.Equal(cache.AsStored(original).Patches, back.Patches);
        Assert.Equal(original.Descriptor, back.Descriptor);   // the descriptor stays float32
        var entry = new FileInfo(cache.EntryPath(ContentHash.Of(image), Settings));
        Assert.True(entry.Length < 16 * 12 * 4, "float16 entry should be smaller than the float32 payload alone");
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("flip-patch")]
    [InlineData("flip-magic")]
    [InlineData("empty")]
    public void Damaged_entries_are_detected_deleted_and_reported_as_misses(string damage)
    {
        var cache = NewCache();
        var image = Image("a.png", 3);
        cache.Put(image, Settings, Sample(3));
        var path = cache.EntryPath(ContentHash.Of(image), Settings);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncate": bytes = bytes[..(bytes.Length - 100)]; break;
            case "flip-patch": bytes[200] ^= 0x10; break;
            case "flip-magic": bytes[0] ^= 0x01; break;
            case "empty": bytes = []; break;
        }
        File.WriteAllBytes(path, bytes);
        string? reported = null;
        cache.CorruptEntry += (_, reason) => reported = reason;
        Assert.False(cache.TryGet(image, Settings, out _));
        Assert.False(File.Exists(path));
        Assert.NotNull(reported);
        Assert.Equal((0L, 1L, 1L), (cache.Hits, cache.Misses, cache.CorruptDetected));
    }

    [Fact]
    public void Concurrent_writers_of_one_key_leave_one_valid_entry_and_no_temp_files()
    {
        var cache = NewCache();
        var image = Image("a.png", 4);
        var candidates = new[] { Sample(10, 64, 64), Sample(11, 64, 64) };
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => cache.Put(image, Settings, candidates[i % 2]));
        Assert.True(cache.TryGet(image, Settings, out var back));
        Assert.Contains(candidates, c => c.Patches.SequenceEqual(back.Patches));
        Assert.Empty(Directory.GetFiles(cache.Root, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(40, cache.Writes);
    }

    [Fact]
    public void Different_settings_or_storage_use_different_entries()
    {
        var cache = NewCache();
        var image = Image("a.png", 5);
        var hash = ContentHash.Of(image);
        var spec = new RunSpec { Dataset = "d", Method = "patchcore", Scenario = Scenario.S1 };
        var concat = spec.FeatureKey;
        var pooled = (spec with { Embedding = "pooled1024" }).FeatureKey;
        var otherCrop = (spec with { Crop = 192 }).FeatureKey;
        Assert.Equal(3, new[] { concat, pooled, otherCrop }.Select(k => cache.EntryPath(hash, k)).Distinct().Count());
        Assert.NotEqual(cache.EntryPath(hash, concat), NewCache(FeatureStorage.Float16).EntryPath(hash, concat));
        cache.Put(image, concat, Sample(5));
        Assert.False(cache.TryGet(image, pooled, out _));
        Assert.True(cache.TryGet(image, concat, out _));
        Assert.Contains(concat, File.ReadAllText(Path.Combine(cache.PartitionFolder(concat), "settings.txt")));
    }

    [Fact]
    public void Same_content_at_two_paths_is_one_entry()
    {
        var cache = NewCache();
        var first = Image("x/a.png", 6);
        var second = _temp.File("y/b.png", File.ReadAllBytes(first));
        Assert.Equal(ContentHash.Of(first), ContentHash.Of(second));
        cache.Put(first, Settings, Sample(6));
        Assert.True(cache.TryGet(second, Settings, out _));
        Assert.Single(Directory.GetFiles(cache.Root, "*.bin", SearchOption.AllDirectories));
    }

    [Fact]
    public void Content_hash_follows_file_changes_and_is_sha256_hex()
    {
        var image = Image("a.png", 7);
        var before = ContentHash.Of(image);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(image))), before);
        File.WriteAllBytes(image, [9, 9, 9]);
        File.SetLastWriteTimeUtc(image, DateTime.UtcNow.AddMinutes(1));
        Assert.NotEqual(before, ContentHash.Of(image));
    }

    [Fact]
    public void Entry_written_for_other_content_is_not_served()
    {
        var cache = NewCache();
        var a = Image("a.png", 8);
        var b = Image("b.png", 9);
        cache.Put(a, Settings, Sample(8));
        var pathB = cache.EntryPath(ContentHash.Of(b), Settings);
        Directory.CreateDirectory(Path.GetDirectoryName(pathB)!);
        File.Copy(cache.EntryPath(ContentHash.Of(a), Settings), pathB);
        Assert.False(cache.TryGet(b, Settings, out _));
        Assert.Equal(1, cache.CorruptDetected);
    }

    [Fact]
    public void Float16_storage_moves_nearest_neighbour_distances_by_well_under_a_percent()
    {
        // ReLU-like features (non-negative, magnitude up to ~10, as the backbone's taps); see FeatureStorage.
        var random = new Random(12);
        float[] Draw(int n) => Enumerable.Range(0, n * 64).Select(_ => (float)Math.Max(0, random.NextDouble() * 12 - 4)).ToArray();
        var bank = Draw(200);
        var queries = Draw(50);
        var bank16 = FeatureCacheFormat.AsStored(bank, FeatureStorage.Float16);
        var queries16 = FeatureCacheFormat.AsStored(queries, FeatureStorage.Float16);
        Assert.NotEqual(bank, bank16);
        for (int q = 0; q < 50; q++)
        {
            double exact = NearestDistance(queries.AsSpan(q * 64, 64), bank);
            double rounded = NearestDistance(queries16.AsSpan(q * 64, 64), bank16);
            Assert.InRange(Math.Abs(exact - rounded) / exact, 0, 2e-3);
        }
    }

    private static double NearestDistance(ReadOnlySpan<float> query, float[] bank)
    {
        double best = double.MaxValue;
        for (int m = 0; m < bank.Length / query.Length; m++)
        {
            double sum = 0;
            for (int d = 0; d < query.Length; d++) { double diff = query[d] - bank[m * query.Length + d]; sum += diff * diff; }
            best = Math.Min(best, sum);
        }
        return Math.Sqrt(best);
    }
}
