using HierCore.Engine.Features;
using HierCore.Engine.Memory;
using HierCore.Engine.Randomness;
using static TorchSharp.torch;

namespace HierCore.Engine.Methods;

/// <summary>
/// Scores of training normals that a group's bank has not memorised (METHOD.md §4):
/// <c>leave-image-out</c> scores each training image against the bank while ignoring the entries that came from
/// that same image (one pass, no refit); <c>leave-neighbours-out:k</c> also ignores the entries of the k training
/// images nearest to it by descriptor g(x), so overlapping crops or near-duplicates cannot stand in for the held-out
/// image and make its score (hence σg) too small; <c>folds:F</c> builds the bank on F−1 folds and scores the
/// held-out fold.
/// </summary>
public static class CriterionEstimator
{
    /// <summary>Each fold rebuilds the group's coreset bank, so F folds cost F bank builds per group.</summary>
    public const int MaxFolds = 20;

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

    public static IReadOnlyList<double> LeaveNeighboursOut(FeatureSet train, IReadOnlyList<int> members, MemoryBank bank, int k,
        bool reweighting, CancellationToken ct)
    {
        var scores = new List<double>(members.Count);
        var p = train.PatchesPerImage;
        for (var j = 0; j < members.Count; j++)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var image = members[j];
            var excluded = NearestByDescriptor(train.Descriptors, members, image, k).Append(image).Select(i => (long)i).ToArray();
            // Relabel the excluded images' entries as the held-out image's own: the search already skips those.
            var bankSources = bank.SourceTensor;
            var relabelled = where(isin(bankSources, tensor(excluded, device: bankSources.device)), tensor((long)image, device: bankSources.device), bankSources);
            var queries = train.PatchesOf([image]);
            using var sources = tensor(train.SourcesOf([image]));
            var (dist2d, nearest2d) = NearestNeighbourSearch.Nearest(queries, bank.Features, sources, relabelled);
            var d = dist2d.squeeze(1).cpu().data<float>().ToArray();
            scores.Add(PatchScoring.ImageScore(d, queries, nearest2d.squeeze(1), bank, reweighting));
        }
        return scores;
    }

    /// <summary>The k other members with the largest cosine similarity of g(x) to the image's (ties: lower index).</summary>
    public static IEnumerable<int> NearestByDescriptor(float[][] descriptors, IReadOnlyList<int> members, int image, int k) =>
        members.Where(m => m != image)
            .OrderByDescending(m => Cosine(descriptors[image], descriptors[m])).ThenBy(m => m)
            .Take(k);

    static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return dot / Math.Sqrt(Math.Max(na * nb, 1e-30));
    }

    public static IReadOnlyList<double> Folds(FeatureSet train, IReadOnlyList<int> members, int folds, double ratio, int seed, int projectionDim, bool reweighting, CancellationToken ct)
    {
        if (folds < 2) throw new ArgumentException($"Criterion 'folds:{folds}' needs at least 2 folds.");
        // A one-image group has nothing to hold out against: no sample (its method pools a criterion for it).
        if (members.Count < DecisionCriterion.MinimumSample) return [];
        CheckFolds(folds, members.Count, "this group");
        var order = Shuffle(members, seed);
        var scores = new List<double>(members.Count);
        for (var f = 0; f < folds; f++)
        {
            ct.ThrowIfCancellationRequested();
            var heldOut = order.Where((_, i) => i % folds == f).ToArray();
            var kept = order.Where((_, i) => i % folds != f).ToArray();
            if (heldOut.Length == 0 || kept.Length == 0) continue;
            using var bank = MemoryBank.Build(new GroupPatchRows(train, kept), train.SourcesOf(kept), ratio, seed, projectionDim: projectionDim, ct: ct);
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

    /// <summary>
    /// Throws unless every fold of a group of <paramref name="images"/> training images holds an image
    /// (more folds than images would be leave-one-out under another name, and an unbounded F loops for ever).
    /// </summary>
    public static void CheckFolds(int folds, int images, string group)
    {
        if (folds > images)
            throw new ArgumentException($"Criterion 'folds:{folds}' needs at least {folds} training images per group, but {group} has {images}. " +
                $"Use folds:{Math.Max(2, images)} or leave-image-out.");
    }

    /// <summary>Parses "leave-image-out", "leave-neighbours-out:k" (k ≥ 1) or "folds:F" (2 ≤ F ≤ MaxFolds).</summary>
    public static (string Mode, int Parameter) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t == "leave-image-out") return (t, 0);
        if (t.StartsWith("folds:") && int.TryParse(t[6..], out var f) && f >= 2 && f <= MaxFolds) return ("folds", f);
        const string neighbours = "leave-neighbours-out:";
        if (t.StartsWith(neighbours) && int.TryParse(t[neighbours.Length..], out var k) && k >= 1) return ("leave-neighbours-out", k);
        throw new ArgumentException($"Unknown criterion '{text}'. Use 'leave-image-out', 'leave-neighbours-out:k' with k ≥ 1 or 'folds:F' with 2 ≤ F ≤ {MaxFolds}.");
    }

    /// <summary>The training-normal scores a group's criterion is estimated from, by the run's criterion setting.</summary>
    public static IReadOnlyList<double> Sample(FeatureSet train, IReadOnlyList<int> members, MemoryBank bank, Contracts.RunSpec spec, CancellationToken ct)
    {
        var (mode, parameter) = Parse(spec.Criterion);
        return mode switch
        {
            "folds" => Folds(train, members, parameter, spec.CoresetRatio, spec.Seed, spec.ProjectionDim, spec.Reweighting, ct),
            "leave-neighbours-out" => LeaveNeighboursOut(train, members, bank, parameter, spec.Reweighting, ct),
            _ => LeaveImageOut(train, members, bank, spec.Reweighting, ct),
        };
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
