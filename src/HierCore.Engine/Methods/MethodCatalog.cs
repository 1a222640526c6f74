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

    /// <summary>
    /// The groups a method will form, with their training image counts, when they follow from the dataset alone:
    /// patchcore's one group of every image, and the classes when the scenario hands training labels to
    /// patchcore-oc or hiercore. Null when hiercore clusters (the groups exist only after clustering).
    /// </summary>
    public static IReadOnlyList<(string Name, int Images)>? GroupsKnownBeforeFit(string method, Scenario scenario, Datasets.AnomalyDataset dataset) =>
        method.Trim().ToLowerInvariant() switch
        {
            "patchcore" => [("all", dataset.Train.Count)],
            "patchcore-oc" or "hiercore" when scenario.TrainLabels() =>
                [.. dataset.Train.GroupBy(s => s.ClassName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))],
            _ => null,
        };
}
