using HierCore.Engine.Contracts;

namespace HierCore.Engine.Evaluation;

/// <summary>
/// Routing accuracy and clustering quality of a method that routes test images to groups. The true classes are
/// read only here, after scoring. A test image is routed correctly when the majority training class of the group
/// it was routed to is its own class.
/// </summary>
public static class RoutingEvaluation
{
    /// <summary>
    /// Each group's most frequent training class; ties go to the ordinally smallest class name so the answer is
    /// stable; null for a group without training images.
    /// </summary>
    public static string?[] MajorityClasses(IReadOnlyList<int> trainGroups, IReadOnlyList<string> trainClasses, int groupCount)
    {
        if (trainGroups.Count != trainClasses.Count)
            throw new ArgumentException($"{nameof(RoutingEvaluation)}: {trainGroups.Count} training groups but {trainClasses.Count} training classes.");
        return Enumerable.Range(0, groupCount)
            .Select(g => Enumerable.Range(0, trainGroups.Count).Where(i => trainGroups[i] == g)
                .GroupBy(i => trainClasses[i]).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key).FirstOrDefault())
            .ToArray();
    }

    /// <param name="trainGroups">Group of every training image (the upper level of the memory).</param>
    /// <param name="trainClasses">True class of every training image.</param>
    /// <param name="testRoutedGroups">Group each test image was routed to.</param>
    /// <param name="testClasses">True class of every test image.</param>
    /// <param name="groupCount">Number of groups the method formed.</param>
    /// <param name="groupsFromTrainingLabels">True when the groups are the classes (S1, S2): purity and NMI are then
    /// trivially 1 and left null; they are reported only for groups found without training labels.</param>
    public static RoutingMetrics Compute(IReadOnlyList<int> trainGroups, IReadOnlyList<string> trainClasses,
        IReadOnlyList<int> testRoutedGroups, IReadOnlyList<string> testClasses, int groupCount, bool groupsFromTrainingLabels)
    {
        if (testRoutedGroups.Count != testClasses.Count)
            throw new ArgumentException($"{nameof(RoutingEvaluation)}: {testRoutedGroups.Count} routed groups but {testClasses.Count} true classes.");
        var majority = MajorityClasses(trainGroups, trainClasses, groupCount);
        var correct = Enumerable.Range(0, testRoutedGroups.Count).Count(i => majority[testRoutedGroups[i]] == testClasses[i]);
        var accuracy = testRoutedGroups.Count == 0 ? double.NaN : (double)correct / testRoutedGroups.Count;
        if (groupsFromTrainingLabels)
            return new RoutingMetrics { RoutingAccuracy = accuracy, Groups = groupCount };

        var truth = Codes(trainClasses);
        return new RoutingMetrics
        {
            RoutingAccuracy = accuracy,
            ClusteringPurity = ClusteringMetrics.Purity(trainGroups.ToArray(), truth),
            ClusteringNmi = ClusteringMetrics.Nmi(trainGroups.ToArray(), truth),
            Groups = groupCount,
        };
    }

    static int[] Codes(IReadOnlyList<string> names)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        return names.Select(n => codes.TryGetValue(n, out var c) ? c : codes[n] = codes.Count).ToArray();
    }
}
