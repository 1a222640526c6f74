namespace HierCore.Engine.Evaluation;

/// <summary>
/// Routing accuracy (METHOD.md §5): a test image is routed correctly when the majority training class of the
/// group it was routed to equals its true class.
/// </summary>
public static class RoutingAccuracy
{
    /// <summary>Each group's most frequent training class; ties go to the ordinally smallest class name so the answer is stable.</summary>
    public static Dictionary<string, string?> MajorityClasses(IReadOnlyList<string> trainGroups, IReadOnlyList<string> trainClasses)
    {
        if (trainGroups.Count != trainClasses.Count)
            throw new ArgumentException($"{nameof(RoutingAccuracy)}: {trainGroups.Count} training groups but {trainClasses.Count} training classes.");
        var counts = new Dictionary<string, Dictionary<string, int>>();
        for (int i = 0; i < trainGroups.Count; i++)
        {
            if (!counts.TryGetValue(trainGroups[i], out var row)) counts[trainGroups[i]] = row = [];
            row[trainClasses[i]] = row.GetValueOrDefault(trainClasses[i]) + 1;
        }
        return counts.ToDictionary(
            g => g.Key,
            string? (g) => g.Value.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key);
    }

    /// <summary>
    /// Fraction of test images whose routed group's majority class is their true class. A group missing from
    /// <paramref name="groupMajorityClass"/> (or mapped to null) counts as a wrong route. NaN for no images.
    /// </summary>
    public static double Compute(IReadOnlyList<string> routedGroups, IReadOnlyList<string> trueClasses,
        IReadOnlyDictionary<string, string?> groupMajorityClass)
    {
        if (routedGroups.Count != trueClasses.Count)
            throw new ArgumentException($"{nameof(RoutingAccuracy)}: {routedGroups.Count} routed groups but {trueClasses.Count} true classes.");
        if (routedGroups.Count == 0) return double.NaN;
        int correct = 0;
        for (int i = 0; i < routedGroups.Count; i++)
            if (groupMajorityClass.TryGetValue(routedGroups[i], out var majority) && majority == trueClasses[i]) correct++;
        return (double)correct / routedGroups.Count;
    }
}
