using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Tests.Methods;

public sealed class BankStoreTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), $"hiercore-banks-{Guid.NewGuid():N}");
    static readonly RunSpec Spec = new()
    {
        Dataset = "synthetic", Method = "hiercore", Scenario = Scenario.S1, CoresetRatio = 0.25, ProjectionDim = 4, Seed = 2,
    };
    static readonly BankSettings Settings = BankSettings.From(Spec);

    static (double Score, float[] Patches)[] ScoresOf(GroupModel model, FeatureSet test) =>
        model.Score(test, Enumerable.Range(0, test.Count).ToArray(), reweighting: true, CancellationToken.None);

    static (FeatureSet Train, FeatureSet Test, int[] Members) Data()
    {
        var (train, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 6, anomalousPerClass: 0, seed: 11);
        var (test, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 3, anomalousPerClass: 1, seed: 12);
        return (train, test, [0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void A_bank_loaded_by_another_cache_scores_byte_identically_to_the_freshly_built_one()
    {
        var (train, test, members) = Data();
        using var _t = train; using var _s = test;
        using var fresh = new BankCache();
        var (built, builtOrigin) = fresh.GetOrBuild(train, members, 0, Settings, CancellationToken.None);
        using (var writer = new BankCache(new BankStore(_root))) writer.GetOrBuild(train, members, 0, Settings, CancellationToken.None);

        var store = new BankStore(_root);
        using var reader = new BankCache(store);  // a second process: nothing in memory
        var (loaded, loadedOrigin) = reader.GetOrBuild(train, members, 0, Settings, CancellationToken.None);

        Assert.Equal(BankOrigin.Built, builtOrigin);
        Assert.Equal(BankOrigin.Disk, loadedOrigin);
        Assert.Equal(1, store.Loads);
        Assert.Equal(0, reader.Builds);
        Assert.Equal(built.Bank.SourceImage, loaded.Bank.SourceImage);
        Assert.Equal(built.Bank.Features.data<float>().ToArray(), loaded.Bank.Features.data<float>().ToArray());
        Assert.Equal(built.Criterion.Mean, loaded.Criterion.Mean);
        Assert.Equal(built.Criterion.Std, loaded.Criterion.Std);
        Assert.Equal(built.Criterion.Samples, loaded.Criterion.Samples);
        Assert.Equal(built.Criterion.Quantiles, loaded.Criterion.Quantiles);
        Assert.Equal(built.Centroid, loaded.Centroid);
        var (a, b) = (ScoresOf(built, test), ScoresOf(loaded, test));
        Assert.Equal(a.Select(x => BitConverter.DoubleToInt64Bits(x.Score)), b.Select(x => BitConverter.DoubleToInt64Bits(x.Score)));
        Assert.Equal(a.SelectMany(x => x.Patches), b.SelectMany(x => x.Patches));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    public void A_damaged_bank_file_is_detected_deleted_and_built_again(string damage)
    {
        var (train, test, members) = Data();
        using var _t = train; using var _s = test;
        var store = new BankStore(_root);
        var key = Settings.Key(members.Select(m => train.ContentKeys[m]));
        double[] expected;
        using (var first = new BankCache(store)) expected = ScoresOf(first.GetOrBuild(train, members, 0, Settings, CancellationToken.None).Model, test).Select(x => x.Score).ToArray();
        var path = store.EntryPath(key);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage == "flip" ? Flip(bytes, bytes.Length / 2) : bytes[..(bytes.Length - 100)]);
        string? reported = null;
        store.CorruptEntry += (_, reason) => reported = reason;

        using var second = new BankCache(store);
        var (model, origin) = second.GetOrBuild(train, members, 0, Settings, CancellationToken.None);

        Assert.Equal(BankOrigin.Built, origin);
        Assert.Equal(1, store.CorruptDetected);
        Assert.NotNull(reported);
        Assert.Equal(expected, ScoresOf(model, test).Select(x => x.Score));
        using var third = new BankCache(store); // the rebuilt entry was written back intact
        Assert.Equal(BankOrigin.Disk, third.GetOrBuild(train, members, 0, Settings, CancellationToken.None).Origin);
    }

    [Fact]
    public void The_key_changes_with_every_bank_setting_and_with_the_members()
    {
        string[] members = ["a", "b", "c"];
        var keys = new[]
        {
            Settings.Key(members),
            BankSettings.From(Spec with { CoresetRatio = 0.5 }).Key(members),
            BankSettings.From(Spec with { Seed = 3 }).Key(members),
            BankSettings.From(Spec with { ProjectionDim = 8 }).Key(members),
            BankSettings.From(Spec with { Criterion = "folds:3" }).Key(members),
            BankSettings.From(Spec with { Criterion = "leave-neighbours-out:2" }).Key(members),
            BankSettings.From(Spec with { Reweighting = true }).Key(members),
            BankSettings.From(Spec with { Embedding = "pooled1024" }).Key(members),
            Settings.Key(["a", "b"]),
            Settings.Key(["b", "a", "c"]),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(Settings.Key(members), BankSettings.From(new RunSpec
        {
            Dataset = "other", Method = "patchcore", Scenario = Scenario.S4, CoresetRatio = 0.25, ProjectionDim = 4, Seed = 2, Lambda = 1,
        }).Key(members)); // dataset, method, scenario and λ do not change a bank
        // The scale is applied to the fitted groups after the cache: every scale is served by the same stored model.
        Assert.Equal(Settings.Key(members), BankSettings.From(Spec with { Scale = "shrink:20" }).Key(members));
        Assert.Equal(Settings.Key(members), BankSettings.From(Spec with { Scale = "robust", Routing = "top2" }).Key(members));
    }

    [Fact]
    public void A_stored_model_keeps_its_criterion_sample_so_a_group_too_small_for_one_still_gets_the_pooled_fallback()
    {
        var (train, _, _) = Data();
        using var _t = train;
        int[] one = [0];
        using (var writer = new BankCache(new BankStore(_root))) Assert.False(writer.GetOrBuild(train, one, 0, Settings, CancellationToken.None).Model.HasCriterion);
        using var fresh = new BankCache();
        var (built, _) = fresh.GetOrBuild(train, [1, 2, 3, 4], 0, Settings, CancellationToken.None);
        using (var writer = new BankCache(new BankStore(_root))) writer.GetOrBuild(train, [1, 2, 3, 4], 0, Settings, CancellationToken.None);

        using var reader = new BankCache(new BankStore(_root));
        var (small, smallOrigin) = reader.GetOrBuild(train, one, 0, Settings, CancellationToken.None);
        var (loaded, loadedOrigin) = reader.GetOrBuild(train, [1, 2, 3, 4], 1, Settings, CancellationToken.None);

        Assert.Equal((BankOrigin.Disk, BankOrigin.Disk), (smallOrigin, loadedOrigin));
        Assert.False(small.HasCriterion); // still the method's to pool, not a μ/σ made up on load
        Assert.Equal(built.Sample, loaded.Sample);
        Assert.Equal(built.Criterion.Median, loaded.Criterion.Median); // robust scale needs more than μ and σ
        Assert.Equal(built.Criterion.Mad, loaded.Criterion.Mad);
    }

    static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x10;
        return copy;
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
