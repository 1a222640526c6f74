using HierCore.Engine.Contracts;

namespace HierCore.Engine.Methods;

/// <summary>The methods this tool runs, and which scenarios each can run in.</summary>
public static class MethodCatalog
{
    public static readonly IReadOnlyList<string> Names = ["patchcore", "patchcore-oc", "hiercore"];

    public static IAnomalyMethod Create(string name) => name.Trim().ToLowerInvariant() switch
    {
        "patchcore" => new PatchCoreMethod(),
        "patchcore-oc" => new PatchCoreOneClassMethod(),
        "hiercore" => new HierCoreMethod(),
        _ => throw new ArgumentException($"Unknown method '{name}'. Use one of: {string.Join(", ", Names)}."),
    };

    /// <summary>Why a method cannot run in a scenario, or null when it can.</summary>
    public static string? NotApplicableReason(string method, Scenario scenario) =>
        method.Trim().ToLowerInvariant() == "patchcore-oc" && !scenario.TrainLabels()
            ? $"patchcore-oc needs class labels at training; {scenario} withholds them."
            : null;
}
