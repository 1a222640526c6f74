using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Features;
using HierCore.Engine.Memory.Clustering;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Experiments;

/// <summary>
/// Every problem of a spec at once, as messages naming the setting, before any work starts. Shared by the CLI,
/// the sweep form and the API, so all three reject the same things with the same words. Every number has an upper
/// bound: an unbounded one (a billion folds, K = 10⁶) starts work that no user can wait for.
/// </summary>
public static class RunSpecValidation
{
    /// <summary>Images are decoded at this side; the backbone's cost and memory grow with its square.</summary>
    public const int MaxResize = 1024;
    /// <summary>The coreset's random projection; above the patch dimension (384 or 1024) it buys nothing.</summary>
    public const int MaxProjectionDim = 1024;
    /// <summary>Anomaly-map pictures kept per class (each a PNG in the run's artifacts).</summary>
    public const int MaxMapsPerClass = 100;

    public static IReadOnlyList<string> Problems(RunSpec spec)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(spec.Dataset)) problems.Add("Dataset: a dataset name or folder is required.");
        if (!MethodCatalog.Names.Contains(spec.Method)) problems.Add($"Method: unknown '{spec.Method}'; use one of {string.Join(", ", MethodCatalog.Names)}.");
        if (!Enum.IsDefined(spec.Scenario)) problems.Add($"Scenario: unknown '{spec.Scenario}'.");
        if (!(spec.CoresetRatio > 0 && spec.CoresetRatio <= 1)) problems.Add($"Coreset ratio: {spec.CoresetRatio} must be in (0, 1].");
        if (!PatchEmbedder.Names.Contains(spec.Embedding)) problems.Add($"Embedding: unknown '{spec.Embedding}'; use one of {string.Join(", ", PatchEmbedder.Names)}.");
        if (spec.Crop < 32 || spec.Resize < spec.Crop || spec.Resize > MaxResize)
            problems.Add($"Resize/crop: need 32 ≤ crop ≤ resize ≤ {MaxResize} (got resize {spec.Resize}, crop {spec.Crop}).");
        // λ ≤ 0 puts the threshold at or below the mean normal score: half the normals or more would be flagged.
        if (!(double.IsFinite(spec.Lambda) && spec.Lambda > 0)) problems.Add($"Lambda: {spec.Lambda} must be a finite number > 0.");
        if (spec.MaxClusters < 2 || spec.MaxClusters > Grouping.MaxGroups)
            problems.Add($"Max clusters: {spec.MaxClusters} must be in [2, {Grouping.MaxGroups}].");
        if (spec.ProjectionDim < 1 || spec.ProjectionDim > MaxProjectionDim)
            problems.Add($"Projection dim: {spec.ProjectionDim} must be in [1, {MaxProjectionDim}].");
        if (spec.MapsPerClass < 0 || spec.MapsPerClass > MaxMapsPerClass)
            problems.Add($"Maps per class: {spec.MapsPerClass} must be in [0, {MaxMapsPerClass}].");
        Try(problems, "Criterion", () => CriterionEstimator.Parse(spec.Criterion));
        Try(problems, "Scale", () => CriterionScale.Parse(spec.Scale ?? ""));
        Try(problems, "Grouping", () => Grouping.Parse(spec.Grouping));
        if (!HierCoreMethod.Routings.Contains(spec.Routing.Trim().ToLowerInvariant())) problems.Add($"Routing: unknown '{spec.Routing}'; use {string.Join(" or ", HierCoreMethod.Routings)}.");
        if (spec.Device.Trim().ToLowerInvariant() is not ("auto" or "cpu" or "cuda") && !System.Text.RegularExpressions.Regex.IsMatch(spec.Device.Trim(), "^cuda:[0-9]+$"))
            problems.Add($"Device: unknown '{spec.Device}'; use auto, cpu, cuda or cuda:N.");
        return problems;
    }

    /// <summary>
    /// As <see cref="Problems(RunSpec)"/>, plus the bounds that depend on the dataset's training images, checked as
    /// soon as it is loaded (before features): folds against the smallest group when the groups are known before the
    /// run (classes, or one group of everything), and configurations where no group can have a criterion sample.
    /// Groups formed by clustering are checked again once formed (<see cref="GroupedCoresetMethod"/>).
    /// </summary>
    public static IReadOnlyList<string> Problems(RunSpec spec, AnomalyDataset dataset)
    {
        var problems = Problems(spec).ToList();
        if (problems.Count > 0) return problems;
        var (mode, folds) = CriterionEstimator.Parse(spec.Criterion);
        var groups = MethodCatalog.GroupsKnownBeforeFit(spec.Method, spec.Scenario, dataset);
        if (groups is null)
        {
            int n = dataset.Train.Count;
            if (mode == "folds" && folds > n)
                problems.Add($"Criterion: folds:{folds} needs at least {folds} training images; '{dataset.Name}' has {n}.");
            if (Grouping.Parse(spec.Grouping) is FixedKGrouping { K: var k } && k >= n)
                problems.Add($"Grouping: k:{k} needs fewer groups than the {n} training images of '{dataset.Name}' (else every group has one image and none can estimate a criterion).");
            return problems;
        }
        if (groups.All(g => g.Images < DecisionCriterion.MinimumSample))
            problems.Add($"Dataset: every group of {spec.Method} in {spec.Scenario} has one training image, so no group can estimate a decision criterion (each needs ≥ {DecisionCriterion.MinimumSample}).");
        var usable = groups.Where(g => g.Images >= DecisionCriterion.MinimumSample).ToArray();
        if (mode == "folds" && usable.Length > 0 && usable.MinBy(g => g.Images) is var smallest && smallest.Images < folds)
            problems.Add($"Criterion: folds:{folds} needs at least {folds} training images per group; '{smallest.Name}' has {smallest.Images}. Use folds:{Math.Max(2, smallest.Images)} or leave-image-out.");
        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public static void Validate(RunSpec spec) => Throw(Problems(spec));

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, dataset bounds included.</summary>
    public static void Validate(RunSpec spec, AnomalyDataset dataset) => Throw(Problems(spec, dataset));

    static void Throw(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
    }

    static void Try(List<string> problems, string setting, Action parse)
    {
        try { parse(); }
        catch (Exception e) when (e is ArgumentException or FormatException) { problems.Add($"{setting}: {e.Message}"); }
    }
}
