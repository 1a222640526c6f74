using HierCore.Engine.Features;
using HierCore.Engine.Memory;
using HierCore.Engine.Randomness;
using static TorchSharp.torch;

namespace HierCore.Engine.Methods;

/// <summary>
/// Scores of training normals that a group's bank has not memorised (METHOD.md §4):
/// <c>leave-image-out</c> scores each training image against the bank while ignoring the entries that came from
/// that same image (one pass, no refit); <c>folds:F</c> builds the bank on F−1 folds and scores the held-out fold.
/// </summary>
public static class CriterionEstimator
{
    public static IReadOnlyList<double> LeaveImageOut(FeatureSet train, IReadOnlyList<int> members, MemoryBank bank, bool reweighting, CancellationToken ct)
    {
        var scores = new List<double>(members.Count);
        const int batch = 16;
        for (var start = 0; start < members.Count; start += batch)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var chunk = members.Skip(start).Take(batch).ToArray();
            var queries = train.PatchesOf(chunk);
            using var sources = tensor(train.SourcesOf(chunk));
            var (dist2d, nearest2d) = NearestNeighbourSearch.Nearest(queries, bank.Features, sources, bank.SourceTensor);
            var (dist, nearest) = (dist2d.squeeze(1), nearest2d.squeeze(1));
            var p = train.PatchesPerImage;
            var d = dist.cpu().data<float>().ToArray();
            for (var j = 0; j < chunk.Length; j++)
            {
                var patches = d.AsSpan(j * p, p).ToArray();
                // An image whose every patch lost all admissible entries (a one-image group) gives +inf: dropped later.
                scores.Add(PatchScoring.ImageScore(patches, queries.narrow(0, j * p, p), nearest.narrow(0, j * p, p), bank, reweighting));
            }
        }
        return scores;
    }

    public static IReadOnlyList<double> Folds(FeatureSet train, IReadOnlyList<int> members, int folds, double ratio, int seed, int projectionDim, bool reweighting, CancellationToken ct)
    {
        if (folds < 2) throw new ArgumentException($"Criterion 'folds:{folds}' needs at least 2 folds.");
        var order = Shuffle(members, seed);
        var scores = new List<double>(members.Count);
        for (var f = 0; f < folds; f++)
        {
            var heldOut = order.Where((_, i) => i % folds == f).ToArray();
            var kept = order.Where((_, i) => i % folds != f).ToArray();
            if (heldOut.Length == 0 || kept.Length == 0) continue;
            using var patches = train.PatchesOf(kept);
            using var bank = MemoryBank.Build(patches, train.SourcesOf(kept), ratio, seed, projectionDim: projectionDim, ct: ct);
            using var scope = NewDisposeScope();
            var queries = train.PatchesOf(heldOut);
            var (dist, nearest) = bank.Nearest(queries);
            var d = dist.cpu().data<float>().ToArray();
            var p = train.PatchesPerImage;
            for (var j = 0; j < heldOut.Length; j++)
            {
                ct.ThrowIfCancellationRequested();
                scores.Add(PatchScoring.ImageScore(d.AsSpan(j * p, p).ToArray(), queries.narrow(0, j * p, p), nearest.narrow(0, j * p, p), bank, reweighting));
            }
        }
        return scores;
    }

    /// <summary>Parses "leave-image-out" or "folds:F".</summary>
    public static (string Mode, int Folds) Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "leave-image-out") return (t, 0);
        if (t.StartsWith("folds:") && int.TryParse(t[6..], out var f) && f >= 2) return ("folds", f);
        throw new ArgumentException($"Unknown criterion '{text}'. Use 'leave-image-out' or 'folds:F' with F ≥ 2.");
    }

    static int[] Shuffle(IReadOnlyList<int> items, int seed)
    {
        var a = items.ToArray();
        var rng = new SplitMix64((ulong)seed ^ 0x5EEDC0DEUL);
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = (int)(rng.NextUInt64() % (ulong)(i + 1));
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }
}
