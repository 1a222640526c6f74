using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets;

/// <summary>
/// Names no class may take, because results show the aggregate rows beside the classes under these names: the mean
/// over classes and the pooled test set (the CLI's per-class table, the dashboard's scope choice, the exports).
/// </summary>
/// <remarks>
/// Refused at dataset load rather than namespacing the aggregate rows: the names are read unqualified by every
/// consumer of result.json, by the tables and by the exports, so namespacing ("class:mean" or "@mean") would change all of
/// them and every stored result's readers, while one check in the rule every loader applies (<see cref="ClassRules"/>)
/// keeps the data as it is, costs a user only a renamed folder, and says so before any run starts. Compared ignoring
/// case, so "Mean" cannot pass for the aggregate row in a table either.
/// </remarks>
public static class ReservedClassNames
{
    public static readonly IReadOnlyList<string> All = MetricKeys.Scopes;

    public static bool IsReserved(string className) => All.Contains(className, StringComparer.OrdinalIgnoreCase);
}
