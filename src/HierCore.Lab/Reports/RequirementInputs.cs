using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Methods;

namespace HierCore.Lab.Reports;

public enum Requirement { R1, R2, Stability }

/// <summary>
/// Which runs each requirement compares (METHOD.md §1.2), so the Compare page shows a requirement only when the
/// sweep has them and otherwise says what is missing: R1 compares against PatchCore-OC in S1, R2 a method's S1
/// with its S2 (or S3 with S4), stability a method across at least two scenarios.
/// </summary>
public static class RequirementInputs
{
    public static readonly IReadOnlyList<Requirement> All = Enum.GetValues<Requirement>();

    public static Requirement Of(RequirementKind kind) => kind switch
    {
        RequirementKind.R1MeanDelta or RequirementKind.R1MaxDelta or RequirementKind.R1ClassesBehind => Requirement.R1,
        RequirementKind.R2HeadlineDrop or RequirementKind.R2F1Drop => Requirement.R2,
        _ => Requirement.Stability,
    };

    public static string Title(Requirement r) => r switch
    {
        Requirement.R1 => "R1 per-class fidelity",
        Requirement.R2 => "R2 missing labels",
        _ => "Stability S1–S4",
    };

    /// <summary>Whether the sweep has the runs this requirement needs for this method.</summary>
    public static bool Has(CompareData d, Requirement requirement, string method)
    {
        var scenarios = Scenarios(d, method);
        return requirement switch
        {
            Requirement.R1 => Scenarios(d, RequirementMeasures.ReferenceMethod).Contains(nameof(Scenario.S1))
                && (method != RequirementMeasures.ReferenceMethod || scenarios.Count > 1),
            Requirement.R2 => Pairs.Any(p => scenarios.Contains(p.Labelled) && scenarios.Contains(p.Unlabelled)),
            _ => scenarios.Count >= 2,
        };
    }

    /// <summary>What the sweep lacks for this requirement (for every method), or null when some method has its runs.</summary>
    public static string? Missing(CompareData d, Requirement requirement)
    {
        if (d.Methods.Any(m => Has(d, requirement, m))) return null;
        var have = d.Results.Select(r => r.Result.Scenario).Distinct().Order().ToList();
        var scenarios = have.Count == 0 ? "no finished runs" : $"finished runs only in {string.Join(", ", have)}";
        return requirement switch
        {
            Requirement.R1 => $"{Title(requirement)}: needs {MethodCatalog.DisplayName(RequirementMeasures.ReferenceMethod)} in S1 (the reference) and another method or scenario; "
                + (Scenarios(d, RequirementMeasures.ReferenceMethod).Contains(nameof(Scenario.S1)) ? "this sweep has nothing to compare with it." : $"this sweep has no finished {MethodCatalog.DisplayName(RequirementMeasures.ReferenceMethod)} S1 run."),
            Requirement.R2 => $"{Title(requirement)}: needs one method in S1 and S2 (or S3 and S4); this sweep has {scenarios}.",
            _ => $"{Title(requirement)}: needs one method in at least two scenarios; this sweep has {scenarios}.",
        };
    }

    /// <summary>Scenario pairs R2 compares: with and without training labels.</summary>
    private static readonly (string Labelled, string Unlabelled)[] Pairs =
        [(nameof(Scenario.S1), nameof(Scenario.S2)), (nameof(Scenario.S3), nameof(Scenario.S4))];

    private static HashSet<string> Scenarios(CompareData d, string method) =>
        d.Results.Where(r => r.Result.Method == method).Select(r => r.Result.Scenario).ToHashSet();
}
