using HierCore.Engine.Features;
using System.Diagnostics;
using HierCore.Engine.Memory;

namespace HierCore.Engine.Methods;

/// <summary>
/// Fits one group in two steps that are cached separately (<see cref="BankCache"/>): the coreset bank over its
/// members' patches, then the class-wise criterion sample from scores of training normals the bank has not memorised
/// (<see cref="CriterionEstimator.Sample"/>), with the descriptor centroid. Only a block of this group's patches is in memory
/// at a time while the coreset is picked (<see cref="GroupPatchRows"/>); the criterion then reads its members back
/// a batch at a time.
/// </summary>
public static class GroupModelBuilder
{
    /// <summary>A coreset bank and the seconds it took.</summary>
    public sealed record Coreset(MemoryBank Bank, double Seconds);

    public static Coreset BuildCoreset(FeatureSet train, IReadOnlyList<int> members, BankSettings settings, CancellationToken ct,
        Action<string>? report = null)
    {
        var clock = Stopwatch.StartNew();
        // Rows are read from the feature set a block at a time: the group's patches are never in memory together.
        var rows = new GroupPatchRows(train, members);
        report?.Invoke($"coreset of {rows.Rows:N0} patches → {CoresetSampler.CoresetSize((int)rows.Rows, settings.CoresetRatio):N0}");
        var bank = MemoryBank.Build(rows, train.SourcesOf(members), settings.CoresetRatio, settings.Seed, projectionDim: settings.ProjectionDim, ct: ct);
        if (ct.IsCancellationRequested) { bank.Dispose(); ct.ThrowIfCancellationRequested(); }
        return new Coreset(bank, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The group model on <paramref name="coreset"/>. Its criterion sample keeps only finite scores: an infinite one
    /// (an image whose every patch lost all admissible entries, e.g. the only image of a group) says nothing about its
    /// normals; too few finite ones leave the criterion to the method (pooled fallback). The bank is not disposed on
    /// failure: the caller owns it (it may be cached).
    /// </summary>
    public static GroupModel Fit(FeatureSet train, IReadOnlyList<int> members, int groupId, Coreset coreset, BankSettings settings,
        ScoreMemo? scores, CancellationToken ct, Action<string>? report = null)
    {
        var clock = Stopwatch.StartNew();
        report?.Invoke($"class-wise criterion ({settings.Spec.Criterion}) over {members.Count} training images");
        double[] sample = [.. CriterionEstimator.Sample(train, members, coreset.Bank, settings.Spec, ct).Where(double.IsFinite)];
        ct.ThrowIfCancellationRequested();
        return new GroupModel(groupId, coreset.Bank, sample, Centroid(train, members), members.Count,
            coreset.Seconds + clock.Elapsed.TotalSeconds, scores);
    }

    static float[] Centroid(FeatureSet train, IReadOnlyList<int> members)
    {
        var c = new float[train.Descriptors[0].Length];
        foreach (var m in members)
            for (var j = 0; j < c.Length; j++) c[j] += train.Descriptors[m][j] / members.Count;
        return c;
    }
}
