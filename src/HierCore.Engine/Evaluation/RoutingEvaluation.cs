using HierCore.Engine.Experiments;

namespace HierCore.Engine.Evaluation;

/// <summary>Fills <see cref="RoutingMetrics"/> for a method that routes test images to groups (METHOD.md §5).</summary>
public static class RoutingEvaluation
{
    /// <param name="trainGroups">Group of every training image (the upper level of the memory).</param>
    /// <param name="trainClasses">True class of every training image; read only here, after fitting.</param>
    /// <param name="testRoutedGroups">Group each test image was routed to.</param>
    /// <param name="testClasses">True class of every test image.</param>
    /// <param name="groupsFromTrainingLabels">True when the groups are the classes (S1, S2): purity and NMI are then
    /// trivially 1 and left null, as METHOD.md reports them only without training labels.</param>
    public static RoutingMetrics Compute(IReadOnlyList<string> trainGroups, IReadOnlyList<string> trainClasses,
        IReadOnlyList<string> testRoutedGroups, IReadOnlyList<string> testClasses, bool groupsFromTrainingLabels)
    {
        var majority = RoutingAccuracy.MajorityClasses(trainGroups, trainClasses);
        double accuracy = RoutingAccuracy.Compute(testRoutedGroups, testClasses, majority);
        if (groupsFromTrainingLabels)
            return new RoutingMetrics { RoutingAccuracy = accuracy, Groups = majority.Count };

        int[] assigned = Codes(trainGroups), truth = Codes(trainClasses);
        return new RoutingMetrics
        {
            RoutingAccuracy = accuracy,
            ClusteringPurity = ClusteringMetrics.Purity(assigned, truth),
            ClusteringNmi = ClusteringMetrics.Nmi(assigned, truth),
            Groups = majority.Count,
        };
    }

    private static int[] Codes(IReadOnlyList<string> names)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        return names.Select(n => codes.TryGetValue(n, out var c) ? c : codes[n] = codes.Count).ToArray();
    }
}
