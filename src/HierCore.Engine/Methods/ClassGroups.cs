namespace HierCore.Engine.Methods;

/// <summary>Groups given by class labels: one group per distinct class, in ordinal name order.</summary>
public static class ClassGroups
{
    public static (int[] Assignment, string[] Names) FromLabels(IReadOnlyList<string> labels)
    {
        var names = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        return (labels.Select(l => index[l]).ToArray(), names);
    }
}
