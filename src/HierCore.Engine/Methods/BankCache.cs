using System.Diagnostics;
using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Memory;

namespace HierCore.Engine.Methods;

/// <summary>
/// Builds group models (coreset bank + criterion) and keeps them for reuse, at two levels whose keys come from
/// the settings registry (<see cref="RunSettings.Key"/>):
/// <list type="bullet">
/// <item>the coreset bank depends on the group's member images (their features) and the settings whose effect is
/// <see cref="SettingEffect.Coreset"/> (and the seed) — a criterion or re-weighting grid reuses it;</item>
/// <item>the group model adds the <see cref="SettingEffect.Scores"/> and <see cref="SettingEffect.Criterion"/>
/// settings — a λ or routing grid reuses it whole, with its memoised scores.</item>
/// </list>
/// Raw scores are shared between models on one bank that score the same way (same re-weighting), whatever their
/// criterion. Least-recently-used coresets (and the models on them) are dropped beyond a byte budget.
/// </summary>
public sealed class BankCache(long maxBytes = 4L << 30) : IDisposable
{
    sealed record Coreset(MemoryBank Bank, double Seconds, long Bytes);

    readonly Dictionary<string, Coreset> coresets = new();
    readonly Dictionary<string, (GroupModel Model, string Coreset)> models = new();
    readonly Dictionary<string, (ScoreMemo Memo, string Coreset)> memos = new();
    readonly LinkedList<string> recency = new(); // coreset keys, most recent first
    readonly object gate = new();

    /// <summary>Group models built (criterion estimated), coresets selected, and models served whole.</summary>
    public int Builds { get; private set; }
    public int CoresetBuilds { get; private set; }
    public int Hits { get; private set; }

    /// <summary>The model of one group; built (and timed) on first request, on a cached coreset when one fits.</summary>
    public GroupModel GetOrBuild(FeatureSet train, IReadOnlyList<int> members, int groupId, RunSpec spec, CancellationToken ct,
        Action<string>? report = null, Action? reused = null, Action? coresetReused = null)
    {
        var content = string.Join('|', members.Select(m => train.ContentKeys[m]));
        var coresetKey = RunSettings.Hash(RunSettings.Key(spec, SettingEffect.Coreset) + "|" + content);
        var memoKey = RunSettings.Hash(RunSettings.Key(spec, SettingEffect.Coreset, SettingEffect.Scores) + "|" + content);
        var modelKey = RunSettings.Hash(RunSettings.Key(spec, SettingEffect.Coreset, SettingEffect.Scores, SettingEffect.Criterion) + "|" + content);
        Coreset? coreset;
        lock (gate)
        {
            if (models.TryGetValue(modelKey, out var hit))
            {
                Hits++;
                reused?.Invoke();
                Touch(hit.Coreset);
                return hit.Model.Id == groupId ? hit.Model : hit.Model.WithId(groupId);
            }
            coresets.TryGetValue(coresetKey, out coreset);
        }

        if (coreset is null) coreset = BuildCoreset(train, members, spec, ct, report);
        else coresetReused?.Invoke();
        var clock = Stopwatch.StartNew();
        var sample = EstimateCriterion(train, members, coreset.Bank, spec, ct, report);
        lock (gate)
        {
            Builds++;
            if (!coresets.ContainsKey(coresetKey)) { coresets[coresetKey] = coreset; CoresetBuilds++; }
            if (!memos.TryGetValue(memoKey, out var memo)) memos[memoKey] = memo = (new ScoreMemo(), coresetKey);
            var model = new GroupModel(groupId, coreset.Bank, sample, Centroid(train, members), members.Count,
                coreset.Seconds + clock.Elapsed.TotalSeconds, memo.Memo);
            models[modelKey] = (model, coresetKey);
            Touch(coresetKey);
            Evict();
            return model;
        }
    }

    static Coreset BuildCoreset(FeatureSet train, IReadOnlyList<int> members, RunSpec spec, CancellationToken ct, Action<string>? report)
    {
        var clock = Stopwatch.StartNew();
        using var patches = train.PatchesOf(members);
        report?.Invoke($"coreset of {patches.shape[0]:N0} patches → {CoresetSampler.CoresetSize((int)patches.shape[0], spec.CoresetRatio):N0}");
        var bank = MemoryBank.Build(patches, train.SourcesOf(members), spec.CoresetRatio, spec.Seed, projectionDim: spec.ProjectionDim, ct: ct);
        ct.ThrowIfCancellationRequested();
        return new Coreset(bank, clock.Elapsed.TotalSeconds, bank.Bytes);
    }

    /// <summary>
    /// The group's finite criterion sample. Infinite scores (an image whose every patch lost all admissible entries,
    /// e.g. the only image of a group) say nothing about its normals; too few finite ones leave the criterion to the
    /// method (pooled fallback).
    /// </summary>
    static double[] EstimateCriterion(FeatureSet train, IReadOnlyList<int> members, MemoryBank bank, RunSpec spec, CancellationToken ct, Action<string>? report)
    {
        report?.Invoke($"class-wise criterion ({spec.Criterion}) over {members.Count} training images");
        return [.. CriterionEstimator.Sample(train, members, bank, spec, ct).Where(double.IsFinite)];
    }

    static float[] Centroid(FeatureSet train, IReadOnlyList<int> members)
    {
        var c = new float[train.Descriptors[0].Length];
        foreach (var m in members)
            for (var j = 0; j < c.Length; j++) c[j] += train.Descriptors[m][j] / members.Count;
        return c;
    }

    void Touch(string coresetKey)
    {
        recency.Remove(coresetKey);
        recency.AddFirst(coresetKey);
    }

    void Evict()
    {
        while (coresets.Count > 1 && coresets.Values.Sum(c => c.Bytes) > maxBytes)
        {
            var oldest = recency.Last!.Value;
            recency.RemoveLast();
            coresets.Remove(oldest); // not disposed: a running method may still hold it; the GC frees the tensor
            foreach (var k in models.Where(m => m.Value.Coreset == oldest).Select(m => m.Key).ToList()) models.Remove(k);
            foreach (var k in memos.Where(m => m.Value.Coreset == oldest).Select(m => m.Key).ToList()) memos.Remove(k);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var c in coresets.Values) c.Bank.Dispose(); // models share these banks: each disposed once
            coresets.Clear();
            models.Clear();
            memos.Clear();
            recency.Clear();
        }
    }
}
