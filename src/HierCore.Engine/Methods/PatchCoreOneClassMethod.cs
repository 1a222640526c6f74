using HierCore.Engine.Contracts;
using HierCore.Engine.Features;

namespace HierCore.Engine.Methods;

/// <summary>
/// One PatchCore model per class ("PatchCore-OC"). Needs training labels (S1, S2). A known class is scored by
/// its own bank; an unknown class is scored against every bank and the smallest image score wins (its map and
/// criterion come from that same bank).
/// </summary>
public sealed class PatchCoreOneClassMethod : GroupedCoresetMethod
{
    public override string Name => MethodCatalog.PatchCoreOneClass;

    protected override (int[] Assignment, string[] Names) Partition(FeatureSet train, IReadOnlyList<string>? classLabels, MethodContext context)
    {
        if (classLabels is null)
            throw new NotApplicableException("patchcore-oc needs class labels at training (scenarios S1, S2).");
        return ClassGroups.FromLabels(classLabels);
    }

    protected override Routing Route(FeatureSet test, IReadOnlyList<string>? classLabels, MethodContext context)
    {
        var all = Enumerable.Range(0, Groups.Count).ToArray();
        var candidates = Enumerable.Range(0, test.Count)
            .Select(i => classLabels is null ? all : [GroupOf(classLabels[i])])
            .ToArray();
        return new Routing(candidates, Routing.SmallerRawScore);
    }
}
