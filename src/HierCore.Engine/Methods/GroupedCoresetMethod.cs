using HierCore.Engine.Contracts;
using HierCore.Engine.Features;

namespace HierCore.Engine.Methods;

/// <summary>
/// The one mechanism behind every method here: partition the training images into groups, keep a coreset bank
/// and a decision criterion per group, route each test image to one or more candidate groups and keep one
/// verdict. PatchCore is the one-group case, PatchCore-OC the one-group-per-class case, HierCore groups by
/// class or by cluster and routes by descriptor.
/// </summary>
public abstract class GroupedCoresetMethod : IAnomalyMethod
{
    readonly List<NamedGroup> _groups = [];
    int[] _trainingGroups = [];
    BankCache? _ownedCache;

    public abstract string Name { get; }
    public IReadOnlyList<NamedGroup> Groups => _groups;
    public IReadOnlyList<int> TrainingGroups => _trainingGroups;

    /// <summary>Group index and group names for each training image.</summary>
    protected abstract (int[] Assignment, string[] Names) Partition(FeatureSet train, IReadOnlyList<string>? classLabels, MethodContext context);

    /// <summary>Candidate groups of each test image and how to choose among them.</summary>
    protected abstract Routing Route(FeatureSet test, IReadOnlyList<string>? classLabels, MethodContext context);

    public FitReport Fit(FeatureSet train, IReadOnlyList<string>? classLabels, MethodContext context)
    {
        var (assignment, names) = Partition(train, classLabels, context);
        // Empty groups (a cluster that lost all its images) get no bank; renumber so group index = bank index.
        var used = names.Select((_, g) => g).Where(g => assignment.Contains(g)).ToArray();
        _trainingGroups = assignment.Select(g => Array.IndexOf(used, g)).ToArray();
        var sizes = used.Select((_, g) => _trainingGroups.Count(t => t == g)).ToArray();
        CheckGroupSizes(sizes, used.Select(g => names[g]).ToArray(), context.Spec);
        var banks = context.Banks ?? (_ownedCache ??= new BankCache());
        var settings = BankSettings.From(context.Spec);
        var origins = new List<(string, BankOrigin)>();
        for (var g = 0; g < used.Length; g++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var name = names[used[g]];
            var index = g;
            context.Report(RunPhases.Fit, g, used.Length, $"memory bank of group {name}");
            var members = Enumerable.Range(0, _trainingGroups.Length).Where(i => _trainingGroups[i] == g).ToArray();
            var (model, origin) = banks.GetOrBuild(train, members, g, settings, context.Cancellation,
                step => context.Report(RunPhases.Fit, index, used.Length, $"group {name}: {step}"));
            _groups.Add(new NamedGroup(name, model));
            origins.Add((name, origin));
        }
        GiveSmallGroupsThePooledCriterion();
        // The scale (z, robust, shrink) comes after the fallback: shrinkage needs every group's criterion.
        ApplyScale(CriterionScale.Parse(context.Spec.Scale));
        context.Report(RunPhases.Fit, used.Length, used.Length);
        return FitReport.From(origins);
    }

    /// <summary>
    /// Bounds that need the groups, checked before any bank is built: folds:F needs F images in every group that
    /// can have a sample (a one-image group has none under any estimator and gets the pooled criterion), and at
    /// least one group must be able to have a sample.
    /// </summary>
    static void CheckGroupSizes(int[] sizes, string[] names, Contracts.RunSpec spec)
    {
        if (sizes.All(n => n < DecisionCriterion.MinimumSample))
            throw new ArgumentException($"Every one of the {sizes.Length} group(s) has a single training image, so no group can estimate a decision " +
                $"criterion (no group has a usable sample). Give each class or cluster at least {DecisionCriterion.MinimumSample} training images, or fewer groups.");
        var (mode, folds) = CriterionEstimator.Parse(spec.Criterion);
        if (mode != "folds") return;
        var smallest = Enumerable.Range(0, sizes.Length).Where(g => sizes[g] >= DecisionCriterion.MinimumSample).MinBy(g => sizes[g]);
        CriterionEstimator.CheckFolds(folds, sizes[smallest], $"group '{names[smallest]}'");
    }

    /// <summary>
    /// A group with fewer than two unmemorised normal scores has no spread of its own; it takes the criterion of
    /// every other group's sample pooled (and result.json says so), never μ = s, σ ≈ 0, which flags every image.
    /// </summary>
    void GiveSmallGroupsThePooledCriterion()
    {
        if (_groups.All(g => g.Model.HasCriterion)) return;
        for (var g = 0; g < _groups.Count; g++)
        {
            if (_groups[g].Model.HasCriterion) continue;
            var others = _groups.Where((o, i) => i != g && o.Model.HasCriterion).SelectMany(o => o.Model.Sample).ToArray();
            if (others.Length < DecisionCriterion.MinimumSample)
                throw new ArgumentException($"{Name}: no group has a usable criterion sample (each needs ≥ {DecisionCriterion.MinimumSample} finite " +
                    "unmemorised normal scores); use a larger coreset ratio, folds:F, or more training images per group.");
            _groups[g] = _groups[g] with { Model = _groups[g].Model.WithCriterion(DecisionCriterion.Pooled(others, _groups[g].Model.Sample.Count)) };
        }
    }

    /// <summary>Sets every group's z location and spread; shrinkage needs all groups' samples at once.</summary>
    void ApplyScale(CriterionScale scale)
    {
        var scaled = scale.Apply(_groups.Select(g => g.Model.Criterion).ToArray());
        for (var g = 0; g < _groups.Count; g++) _groups[g] = _groups[g] with { Model = _groups[g].Model.WithCriterion(scaled[g]) };
    }
    /// Takes fitted groups (read from a model file) instead of fitting: Score then routes and decides exactly as after
    /// Fit with the same spec. The training assignment is not kept in a model, so TrainingGroups is empty.
    /// </summary>
    public void Restore(IReadOnlyList<NamedGroup> fitted, Contracts.RunSpec spec)
    {
        if (_groups.Count > 0) throw new InvalidOperationException($"{Name}: already fitted.");
        _groups.AddRange(fitted);
        _trainingGroups = [];
        OnRestored(spec);
    }

    /// <summary>Rebuilds any routing state Fit derives from its inputs (which labels it saw).</summary>
    protected virtual void OnRestored(Contracts.RunSpec spec) { }

    public ScoreReport Score(FeatureSet test, IReadOnlyList<string>? classLabels, MethodContext context)
    {
        if (_groups.Count == 0) throw new InvalidOperationException($"{Name}: Score called before Fit.");
        var routing = Route(test, classLabels, context);
        var verdicts = new Prediction?[test.Count];
        var byGroup = Enumerable.Range(0, _groups.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < test.Count; i++)
            foreach (var g in routing.Candidates[i]) byGroup[g].Add(i);

        var done = 0;
        var reusedTotal = 0;
        for (var g = 0; g < _groups.Count; g++)
        {
            if (byGroup[g].Count == 0) continue;
            var model = _groups[g].Model;
            // Test patches are read from the feature cache a batch at a time inside Score.
            var scored = model.Score(test, byGroup[g], context.Spec.Reweighting, context.Cancellation, out var reused);
            reusedTotal += reused;
            for (var j = 0; j < scored.Length; j++)
            {
                var i = byGroup[g][j];
                var candidate = model.Predict(scored[j]) with { Group = g };
                verdicts[i] = verdicts[i] is { } current && !routing.Prefers(candidate, current) ? current : candidate;
            }
            done += byGroup[g].Count;
            context.Report(RunPhases.Score, done, routing.Candidates.Sum(c => c.Length));
        }
        var secondsPerImage = Enumerable.Range(0, _groups.Count)
            .Where(g => byGroup[g].Count > 0)
            .Sum(g => byGroup[g].Count * _groups[g].Model.SecondsPerImage) / test.Count;
        var predictions = verdicts.Select((v, i) => v ?? throw new InvalidOperationException($"{Name}: test image {i} was routed to no group.")).ToArray();
        return new ScoreReport(predictions, reusedTotal, secondsPerImage);
    }

    /// <summary>Index of the group with this name, or a clear error.</summary>
    protected int GroupOf(string name) =>
        _groups.FindIndex(g => g.Name == name) is var i and >= 0
            ? i
            : throw new InvalidOperationException($"{Name}: class '{name}' has no training images, so it has no memory bank.");

    /// <summary>Group indices ordered by cosine similarity of their centroid to the descriptor, nearest first.</summary>
    protected int[] NearestGroups(float[] descriptor) =>
        Enumerable.Range(0, _groups.Count).OrderByDescending(g => Cosine(descriptor, _groups[g].Model.Centroid)).ToArray();

    static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return dot / Math.Sqrt(Math.Max(na * nb, 1e-30));
    }

    public void Dispose() => _ownedCache?.Dispose();
}

/// <summary>Candidates per test image and the rule that picks the verdict among them.</summary>
public sealed record Routing(int[][] Candidates, Func<Prediction, Prediction, bool> Prefers)
{
    /// <summary>Keep the smaller raw score (PatchCore-OC without a class: the best-fitting bank).</summary>
    public static bool SmallerRawScore(Prediction candidate, Prediction current) => candidate.Score < current.Score;

    /// <summary>Keep the smaller normalised score (HierCore top2).</summary>
    public static bool SmallerZ(Prediction candidate, Prediction current) => candidate.NormalizedScore < current.NormalizedScore;
}
