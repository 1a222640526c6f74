using HierCore.Engine.Contracts;

namespace HierCore.Engine.Methods;

/// <summary>The methods this tool runs, their display names, and which scenarios each can run in.</summary>
public static class MethodCatalog
{
    public const string PatchCore = "patchcore";
    public const string PatchCoreOneClass = "patchcore-oc";
    public const string HierCore = "hiercore";

    public static readonly IReadOnlyList<string> Names = [PatchCore, PatchCoreOneClass, HierCore];

    public static IAnomalyMethod Create(string name) => name.Trim().ToLowerInvariant() switch
    {
        PatchCore => new PatchCoreMethod(),
        PatchCoreOneClass => new PatchCoreOneClassMethod(),
        HierCore => new HierCoreMethod(),
        _ => throw new ArgumentException($"Unknown method '{name}'. Use one of: {string.Join(", ", Names)}."),
    };

    /// <summary>The name tables and plots show (the paper's: one multi-class PatchCore, one PatchCore per class).</summary>
    public static string DisplayName(string method) => method switch
    {
        PatchCore => "PatchCore-MC",
        PatchCoreOneClass => "PatchCore-OC",
        HierCore => "HierCore",
        _ => method,
    };

    /// <summary>
    /// Why a method cannot run in a scenario, or null when it can: one model per class needs the class labels at
    /// training, which S3 and S4 withhold.
    /// </summary>
    public static string? NotApplicableReason(string method, Scenario scenario) =>
        method.Trim().ToLowerInvariant() == PatchCoreOneClass && !scenario.TrainLabels()
            ? $"patchcore-oc needs class labels at training; {scenario} withholds them."
            : null;

    public static bool IsApplicable(string method, Scenario scenario) => NotApplicableReason(method, scenario) is null;
}
