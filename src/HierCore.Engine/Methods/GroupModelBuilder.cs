using HierCore.Engine.Features;
using System.Diagnostics;
using HierCore.Engine.Memory;

namespace HierCore.Engine.Methods;

/// <summary>
/// Fits one group: coreset bank over its members' patches, class-wise criterion from scores of training normals
/// the bank has not memorised, and the descriptor centroid. Only this group's patches are in memory, in their
/// stored type (float16 from the feature cache), and only while the coreset is picked; the criterion then reads
/// its members back a batch at a time.
/// </summary>
public static class GroupModelBuilder
{
    public static GroupModel Build(FeatureSet train, IReadOnlyList<int> members, int groupId, BankSettings settings,
        CancellationToken ct, Action<string>? report = null)
    {
        var clock = Stopwatch.StartNew();
        MemoryBank bank;
        using (var patches = train.StoredPatchesOf(members))
        {
            report?.Invoke($"coreset of {patches.shape[0]:N0} patches → {CoresetSampler.CoresetSize((int)patches.shape[0], settings.CoresetRatio):N0}");
            bank = MemoryBank.Build(patches, train.SourcesOf(members), settings.CoresetRatio, settings.Seed, projectionDim: settings.ProjectionDim, ct: ct);
        }
        try
        {
            ct.ThrowIfCancellationRequested();
            var (mode, folds) = CriterionEstimator.Parse(settings.Criterion);
            report?.Invoke($"class-wise criterion ({settings.Criterion}) over {members.Count} training images");
            var sample = mode == "folds"
                ? CriterionEstimator.Folds(train, members, folds, settings.CoresetRatio, settings.Seed, settings.ProjectionDim, settings.Reweighting, ct)
                : CriterionEstimator.LeaveImageOut(train, members, bank, settings.Reweighting, ct);
            var criterion = DecisionCriterion.FromSample(sample.Where(double.IsFinite).ToArray() is { Length: > 0 } s ? s : [0.0]);
            return new GroupModel(groupId, bank, criterion, Centroid(train, members), members.Count, clock.Elapsed.TotalSeconds);
        }
        catch
        {
            bank.Dispose(); // cancelled or failed: the bank's tensors go now, not at some later GC
            throw;
        }
    }

    static float[] Centroid(FeatureSet train, IReadOnlyList<int> members)
    {
        var c = new float[train.Descriptors[0].Length];
        foreach (var m in members)
            for (var j = 0; j < c.Length; j++) c[j] += train.Descriptors[m][j] / members.Count;
        return c;
    }
}
