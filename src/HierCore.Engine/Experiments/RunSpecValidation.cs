using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Memory.Clustering;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Experiments;

/// <summary>
/// Every problem of a spec at once, as messages naming the setting, before any work starts. Shared by the CLI,
/// the sweep form and the API, so all three reject the same things with the same words.
/// </summary>
public static class RunSpecValidation
{
    public static IReadOnlyList<string> Problems(RunSpec spec)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(spec.Dataset)) problems.Add("Dataset: a dataset name or folder is required.");
        if (!MethodCatalog.Names.Contains(spec.Method)) problems.Add($"Method: unknown '{spec.Method}'; use one of {string.Join(", ", MethodCatalog.Names)}.");
        if (!Enum.IsDefined(spec.Scenario)) problems.Add($"Scenario: unknown '{spec.Scenario}'.");
        if (!(spec.CoresetRatio > 0 && spec.CoresetRatio <= 1)) problems.Add($"Coreset ratio: {spec.CoresetRatio} must be in (0, 1].");
        if (!PatchEmbedder.Names.Contains(spec.Embedding)) problems.Add($"Embedding: unknown '{spec.Embedding}'; use one of {string.Join(", ", PatchEmbedder.Names)}.");
        if (spec.Crop < 32 || spec.Resize < spec.Crop) problems.Add($"Resize/crop: need crop ≥ 32 and resize ≥ crop (got resize {spec.Resize}, crop {spec.Crop}).");
        if (!double.IsFinite(spec.Lambda)) problems.Add("Lambda: must be a finite number.");
        if (spec.MaxClusters < 2) problems.Add($"Max clusters: {spec.MaxClusters} must be at least 2.");
        if (spec.ProjectionDim < 1) problems.Add($"Projection dim: {spec.ProjectionDim} must be at least 1.");
        Try(problems, "Criterion", () => CriterionEstimator.Parse(spec.Criterion));
        Try(problems, "Grouping", () => Grouping.Parse(spec.Grouping));
        if (!HierCoreMethod.Routings.Contains(spec.Routing.Trim().ToLowerInvariant())) problems.Add($"Routing: unknown '{spec.Routing}'; use {string.Join(" or ", HierCoreMethod.Routings)}.");
        if (spec.Device.Trim().ToLowerInvariant() is not ("auto" or "cpu" or "cuda") && !System.Text.RegularExpressions.Regex.IsMatch(spec.Device.Trim(), "^cuda:[0-9]+$"))
            problems.Add($"Device: unknown '{spec.Device}'; use auto, cpu, cuda or cuda:N.");
        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public static void Validate(RunSpec spec)
    {
        var problems = Problems(spec);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
    }

    static void Try(List<string> problems, string setting, Action parse)
    {
        try { parse(); }
        catch (Exception e) when (e is ArgumentException or FormatException) { problems.Add($"{setting}: {e.Message}"); }
    }
}
