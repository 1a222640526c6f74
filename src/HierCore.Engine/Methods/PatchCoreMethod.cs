using HierCore.Engine.Features;

namespace HierCore.Engine.Methods;

/// <summary>
/// Unified PatchCore ("PatchCore-MC"): one memory bank over every training image; class labels are ignored even
/// when the scenario offers them. Its deployable threshold comes from one criterion over all training normals.
/// </summary>
public sealed class PatchCoreMethod : GroupedCoresetMethod
{
    public override string Name => MethodCatalog.PatchCore;

    protected override (int[] Assignment, string[] Names) Partition(FeatureSet train, IReadOnlyList<string>? classLabels, MethodContext context) =>
        (new int[train.Count], ["all"]);

    protected override Routing Route(FeatureSet test, IReadOnlyList<string>? classLabels, MethodContext context) =>
        new(Enumerable.Repeat(new[] { 0 }, test.Count).ToArray(), Routing.SmallerRawScore);
}
