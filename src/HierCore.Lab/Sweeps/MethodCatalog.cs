using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Sweeps;

/// <summary>The methods the engine offers and which scenarios each may run in (METHOD.md §4).</summary>
public static class MethodCatalog
{
    public const string PatchCore = "patchcore";
    public const string PatchCoreOneClass = "patchcore-oc";
    public const string HierCore = "hiercore";

    public static readonly IReadOnlyList<string> All = [PatchCore, PatchCoreOneClass, HierCore];

    public static readonly IReadOnlyList<string> Embeddings = ["concat", "pooled1024"];
    public static readonly IReadOnlyList<string> Routings = ["nearest", "top2"];

    public static string DisplayName(string method) => method switch
    {
        PatchCore => "PatchCore-MC",
        PatchCoreOneClass => "PatchCore-OC",
        HierCore => "HierCore",
        _ => method
    };

    /// <summary>One model per class needs class labels at training: S3/S4 are not applicable.</summary>
    public static bool IsApplicable(string method, Scenario scenario) =>
        method != PatchCoreOneClass || scenario.TrainLabels();
}
