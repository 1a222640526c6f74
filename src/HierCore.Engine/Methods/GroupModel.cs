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
/// <param name="sample">The group's finite unmemorised normal scores (the criterion sample).</param>
/// <param name="criterion">Estimated from <paramref name="sample"/>, or null when it is too small (the method then
/// gives the group a pooled one through <see cref="WithCriterion"/>).</param>
/// <param name="scores">Raw scores shared with other models on the same bank that score the same way.</param>
public sealed class GroupModel(int id, MemoryBank bank, double[] sample, DecisionCriterion? criterion, float[] centroid, int members, double buildSeconds,
    ScoreMemo? scores = null) : IDisposable
{
    readonly ScoreMemo _shared = scores ?? new ScoreMemo();
    ConcurrentDictionary<string, (double Score, float[] Patches)> memo => _shared.Scores;
    ScoreMemo.ScoringCost cost => _shared.Cost;

    /// <summary>A model whose criterion comes from its own sample when that has ≥ <see cref="DecisionCriterion.MinimumSample"/> scores.</summary>
    public GroupModel(int id, MemoryBank bank, double[] sample, float[] centroid, int members, double buildSeconds, ScoreMemo? scores = null)
        : this(id, bank, sample, sample.Length >= DecisionCriterion.MinimumSample ? DecisionCriterion.FromSample(sample) : null,
            centroid, members, buildSeconds, scores) { }

    /// <summary>Seconds this bank took to score one image, measured when scores were computed (not memo hits).</summary>
    public double SecondsPerImage => cost.SecondsPerImage;

    public int Id { get; } = id;
    public MemoryBank Bank { get; } = bank;

    /// <summary>The group's finite unmemorised normal scores.</summary>
    public IReadOnlyList<double> Sample { get; } = sample;

    /// <summary>False when the sample is too small for a criterion and none was given yet.</summary>
    public bool HasCriterion => criterion is not null;

    public DecisionCriterion Criterion => criterion ?? throw new InvalidOperationException(
        $"Group {Id} has {Sample.Count} unmemorised normal score(s), too few for a criterion; its method must give it one.");

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
        new(scored.Score, Criterion.Normalize(scored.Score), Id, scored.Patches, Criterion.Center, Criterion.Spread);

    /// <summary>The same bank, criterion and memo under another group number (a shared bank in another method).</summary>
    public GroupModel WithId(int newId) => new(newId, Bank, sample, criterion, Centroid, Members, BuildSeconds, _shared);

    /// <summary>The same model sharing raw scores with every other model on its bank that scores the same way.</summary>
    public GroupModel SharingScores(ScoreMemo scores) => new(Id, Bank, sample, criterion, Centroid, Members, BuildSeconds, scores);

    /// <summary>The same bank and memo with another criterion (a pooled fallback, or the method's scale applied across its groups).</summary>
    public GroupModel WithCriterion(DecisionCriterion replacement) => new(Id, Bank, sample, replacement, Centroid, Members, BuildSeconds, _shared);

    public void Dispose() => Bank.Dispose();
}

/// <summary>
/// Raw image scores against one bank under one scoring setting, by image content key, and what computing them
/// cost. Shared by every model on that bank that scores the same way, whatever its criterion: raw scores do not
/// depend on μ, σ or λ.
/// </summary>
public sealed class ScoreMemo
{
    public ConcurrentDictionary<string, (double Score, float[] Patches)> Scores { get; } = new();
    public ScoringCost Cost { get; } = new();

    /// <summary>Running total of scoring time.</summary>
    public sealed class ScoringCost
    {
        double _seconds;
        int _images;
        public double SecondsPerImage { get { lock (this) return _images == 0 ? double.NaN : _seconds / _images; } }
        public void Add(double s, int n) { lock (this) { _seconds += s; _images += n; } }
    }
}
