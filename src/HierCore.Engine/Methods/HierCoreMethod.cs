using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Memory.Clustering;

namespace HierCore.Engine.Methods;

/// <summary>
/// HierCore: a two-level memory. Upper level: groups — the classes when training labels are given, otherwise
/// clusters of the image descriptors g(x). Lower level: one coreset bank per group with its own class-wise
/// criterion (μg, σg) estimated from training normals, so scores of every group share one scale (z).
/// A test image goes to its class's group when the class is known and groups are classes (S1), otherwise to
/// the group with the nearest centroid (cosine on g(x)); <c>top2</c> scores the two nearest and keeps the smaller z.
/// </summary>
public sealed class HierCoreMethod : GroupedCoresetMethod
{
    public const string RouteNearest = "nearest";
    public const string RouteTop2 = "top2";

    /// <summary>The routing options: the nearest group only, or the two nearest keeping the smaller z.</summary>
    public static readonly IReadOnlyList<string> Routings = [RouteNearest, RouteTop2];

    bool _groupsAreClasses;

    public override string Name => MethodCatalog.HierCore;

    /// <summary>The clustering outcome when training labels were withheld (null otherwise).</summary>
    public GroupingResult? Clustering { get; private set; }

    protected override (int[] Assignment, string[] Names) Partition(FeatureSet train, IReadOnlyList<string>? classLabels, MethodContext context)
    {
        if (classLabels is not null)
        {
            _groupsAreClasses = true;
            return ClassGroups.FromLabels(classLabels);
        }
        context.Report(RunPhases.Fit, 0, 1, $"clustering {train.Count} image descriptors ({context.Spec.Grouping})");
        var strategy = Grouping.Parse(context.Spec.Grouping);
        // Kmax = min(cap, N/5); the cap of plain "silhouette" and "max-share:S" is the run's MaxClusters setting (default 30).
        if (strategy is SilhouetteGrouping s && !context.Spec.Grouping.Trim().StartsWith("silhouette:", StringComparison.OrdinalIgnoreCase))
            strategy = s with { KMaxCap = context.Spec.MaxClusters };
        var clustering = strategy.Fit(train.Descriptors, context.Spec.Seed, context.Cancellation);
        // Ward's K follows from its threshold and the data; every group is a bank to build, so it has the same limit as k:K.
        if (clustering.K > Grouping.MaxGroups)
            throw new ArgumentException($"Grouping '{context.Spec.Grouping}' formed {clustering.K} groups from {train.Count} training images; " +
                $"at most {Grouping.MaxGroups} are allowed. Use a larger ward threshold or k:K.");
        Clustering = clustering;
        var names = Enumerable.Range(0, Clustering.K).Select(k => $"cluster-{k:D2}").ToArray();
        return (Clustering.Labels, names);
    }

    /// <summary>Fit saw class labels exactly when the scenario gives training labels (ExperimentRunner), so groups were classes.</summary>
    protected override void OnRestored(Contracts.RunSpec spec) => _groupsAreClasses = Contracts.ScenarioExtensions.TrainLabels(spec.Scenario);

    protected override Routing Route(FeatureSet test, IReadOnlyList<string>? classLabels, MethodContext context)
    {
        var routing = context.Spec.Routing.Trim().ToLowerInvariant();
        var take = routing switch
        {
            RouteNearest => 1,
            RouteTop2 => 2,
            _ => throw new ArgumentException($"Unknown routing '{context.Spec.Routing}'. Use one of: {string.Join(", ", Routings)}."),
        };
        var candidates = new int[test.Count][];
        for (var i = 0; i < test.Count; i++)
            candidates[i] = _groupsAreClasses && classLabels is not null
                ? [GroupOf(classLabels[i])]
                : NearestGroups(test.Descriptors[i]).Take(take).ToArray();
        return new Routing(candidates, Routing.SmallerZ);
    }
}
