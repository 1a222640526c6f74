using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Memory;

namespace HierCore.Engine.Methods;

/// <summary>
/// Builds group models (coreset bank + criterion) and keeps them for reuse. A group model depends only on its
/// member images' features and the memory settings, so e.g. the per-class banks of patchcore-oc in S1 and S2
/// and of hiercore with labels are one and the same: a sweep builds each once. Least-recently-used entries are
/// dropped beyond a byte budget.
/// </summary>
public sealed class BankCache(long maxBytes = 4L << 30) : IDisposable
{
    readonly Dictionary<string, (GroupModel Model, long Bytes)> entries = new();
    readonly LinkedList<string> recency = new();
    readonly object gate = new();

    public int Builds { get; private set; }
    public int Hits { get; private set; }

    /// <summary>The model of one group; built (and timed) on first request.</summary>
    public GroupModel GetOrBuild(FeatureSet train, IReadOnlyList<int> members, int groupId, RunSpec spec, CancellationToken ct,
        Action<string>? report = null, Action? reused = null)
    {
        var key = Key(train, members, spec);
        lock (gate)
        {
            if (entries.TryGetValue(key, out var hit))
            {
                Hits++;
                reused?.Invoke();
                recency.Remove(key);
                recency.AddFirst(key);
                return hit.Model.Id == groupId ? hit.Model : hit.Model.WithId(groupId);
            }
        }
        var model = Build(train, members, groupId, spec, ct, report);
        lock (gate)
        {
            Builds++;
            var bytes = model.Bank.Bytes;
            entries[key] = (model, bytes);
            recency.AddFirst(key);
            while (entries.Count > 1 && entries.Values.Sum(e => e.Bytes) > maxBytes)
            {
                var oldest = recency.Last!.Value;
                recency.RemoveLast();
                entries.Remove(oldest); // not disposed: a running method may still hold it; the GC frees the tensor
            }
        }
        return model;
    }

    static GroupModel Build(FeatureSet train, IReadOnlyList<int> members, int groupId, RunSpec spec, CancellationToken ct, Action<string>? report)
    {
        var clock = Stopwatch.StartNew();
        using var patches = train.PatchesOf(members);
        report?.Invoke($"coreset of {patches.shape[0]:N0} patches → {Memory.CoresetSampler.CoresetSize((int)patches.shape[0], spec.CoresetRatio):N0}");
        var bank = MemoryBank.Build(patches, train.SourcesOf(members), spec.CoresetRatio, spec.Seed, projectionDim: spec.ProjectionDim, ct: ct);
        ct.ThrowIfCancellationRequested();
        var (mode, folds) = CriterionEstimator.Parse(spec.Criterion);
        report?.Invoke($"class-wise criterion ({spec.Criterion}) over {members.Count} training images");
        var sample = mode == "folds"
            ? CriterionEstimator.Folds(train, members, folds, spec.CoresetRatio, spec.Seed, spec.ProjectionDim, spec.Reweighting, ct)
            : CriterionEstimator.LeaveImageOut(train, members, bank, spec.Reweighting, ct);
        var criterion = DecisionCriterion.FromSample(sample.Where(double.IsFinite).ToArray() is { Length: > 0 } s ? s : [0.0]);
        return new GroupModel(groupId, bank, criterion, Centroid(train, members), members.Count, clock.Elapsed.TotalSeconds);
    }

    static float[] Centroid(FeatureSet train, IReadOnlyList<int> members)
    {
        var c = new float[train.Descriptors[0].Length];
        foreach (var m in members)
            for (var j = 0; j < c.Length; j++) c[j] += train.Descriptors[m][j] / members.Count;
        return c;
    }

    /// <summary>Identity of a group model: member content, and every setting that changes the bank or criterion.</summary>
    static string Key(FeatureSet train, IReadOnlyList<int> members, RunSpec spec)
    {
        var sb = new StringBuilder();
        sb.Append(spec.FeatureKey).Append('|').Append(spec.CoresetRatio.ToString("R")).Append('|').Append(spec.Seed)
          .Append('|').Append(spec.ProjectionDim).Append('|').Append(spec.Criterion).Append('|').Append(spec.Reweighting);
        foreach (var k in members.Select(m => train.ContentKeys[m])) sb.Append('|').Append(k);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var e in entries.Values) e.Model.Dispose();
            entries.Clear();
            recency.Clear();
        }
    }
}
