using System.Collections.Concurrent;
using HierCore.Engine.Features;
using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Engine.Methods;

/// <summary>
/// The lower level of the hierarchy for one group: its coreset memory bank, its decision criterion, and the
/// group's descriptor centroid (upper level). Scores are memoised by image content key, so runs that share a
/// bank (e.g. the same method in several scenarios of a sweep) never recompute them.
/// </summary>
public sealed class GroupModel(int id, MemoryBank bank, DecisionCriterion criterion, float[] centroid, int members, double buildSeconds)
    : IDisposable
{
    readonly ConcurrentDictionary<string, (double Score, float[] Patches)> memo = new();
    readonly ScoringCost cost = new();

    /// <summary>Seconds this bank took to score one image, measured when scores were computed (not memo hits).</summary>
    public double SecondsPerImage => cost.SecondsPerImage;

    public int Id { get; } = id;
    public MemoryBank Bank { get; } = bank;
    public DecisionCriterion Criterion { get; } = criterion;

    /// <summary>Mean L2-normalised descriptor of the group's training images (not re-normalised).</summary>
    public float[] Centroid { get; } = centroid;

    public int Members { get; } = members;

    /// <summary>Seconds spent building the coreset bank and estimating the criterion, measured when built.</summary>
    public double BuildSeconds { get; } = buildSeconds;

    /// <summary>Raw image score and patch scores of each image, against this group's bank.</summary>
    public (double Score, float[] Patches)[] Score(FeatureSet images, IReadOnlyList<int> which, bool reweighting, CancellationToken ct) =>
        Score(images, which, reweighting, ct, out _);

    /// <summary>As above; <paramref name="reused"/> counts the images served from the memo.</summary>
    public (double Score, float[] Patches)[] Score(FeatureSet images, IReadOnlyList<int> which, bool reweighting, CancellationToken ct, out int reused)
    {
        var result = new (double, float[])[which.Count];
        var missing = new List<int>();
        for (var i = 0; i < which.Count; i++)
            if (memo.TryGetValue(images.ContentKeys[which[i]], out var hit)) result[i] = hit; else missing.Add(i);

        reused = which.Count - missing.Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        const int batch = 16; // images per NN call: ~12k query rows, a few MB of distances per bank block
        for (var start = 0; start < missing.Count; start += batch)
        {
            ct.ThrowIfCancellationRequested();
            var chunk = missing.Skip(start).Take(batch).ToArray();
            using var scope = NewDisposeScope();
            var idx = chunk.Select(i => which[i]).ToArray();
            var queries = images.PatchesOf(idx);
            var (dist, nearest) = Bank.Nearest(queries);
            var p = images.PatchesPerImage;
            var d = dist.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
            for (var j = 0; j < chunk.Length; j++)
            {
                var patches = d.AsSpan(j * p, p).ToArray();
                var imagePatches = queries.narrow(0, j * p, p);
                var s = PatchScoring.ImageScore(patches, imagePatches, nearest.narrow(0, j * p, p), Bank, reweighting);
                result[chunk[j]] = (s, patches);
                memo[images.ContentKeys[idx[j]]] = (s, patches);
            }
        }
        if (missing.Count > 0) cost.Add(clock.Elapsed.TotalSeconds, missing.Count);
        return result;
    }

    public Prediction Predict((double Score, float[] Patches) scored) =>
        new(scored.Score, Criterion.Normalize(scored.Score), Id, scored.Patches, Criterion.Mean, Criterion.Std);

    /// <summary>The same bank, criterion and memo under another group number (a shared bank in another method).</summary>
    public GroupModel WithId(int newId) => new(newId, Bank, Criterion, Centroid, Members, BuildSeconds, memo, cost);

    GroupModel(int id, MemoryBank bank, DecisionCriterion criterion, float[] centroid, int members, double buildSeconds,
        ConcurrentDictionary<string, (double, float[])> sharedMemo, ScoringCost sharedCost)
        : this(id, bank, criterion, centroid, members, buildSeconds)
    {
        memo = sharedMemo;
        cost = sharedCost;
    }

    /// <summary>Running total of scoring time, shared by every view of one bank.</summary>
    sealed class ScoringCost
    {
        double seconds;
        int images;
        public double SecondsPerImage { get { lock (this) return images == 0 ? double.NaN : seconds / images; } }
        public void Add(double s, int n) { lock (this) { seconds += s; images += n; } }
    }

    public void Dispose() => Bank.Dispose();
}
