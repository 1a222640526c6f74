namespace HierCore.Engine.Datasets;

/// <summary>
/// Names no class may take, because results put the aggregate rows beside the classes under these names: the mean
/// over classes, the pooled test set, and run-level values (the Lab's metric rows keep all of them, classes included,
/// in one scope column).
/// </summary>
/// <remarks>
/// Refused at dataset load rather than namespaced in the results: namespacing (say "class:mean") would change the
/// stored scope of every class row in existing databases and every query and export that reads them, while one check
/// in the rule every loader applies (<see cref="ClassRules"/>) keeps the data as it is, costs a user only a renamed
/// folder, and says so before any run starts. Compared ignoring case, so "Mean" cannot look like "mean" in a table.
/// </remarks>
public static class ReservedClassNames
{
    public const string Mean = "mean";
    public const string Pooled = "pooled";
    public const string Run = "run";

    public static readonly IReadOnlyList<string> All = [Mean, Pooled, Run];

    public static bool IsReserved(string className) => All.Contains(className, StringComparer.OrdinalIgnoreCase);
}
