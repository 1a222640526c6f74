using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Sweeps;

/// <summary>A validated sweep expanded into run specs, with the method/scenario pairs left out as not applicable.</summary>
public sealed record SweepPlan(
    IReadOnlyList<RunSpec> Runs,
    IReadOnlyList<(string Method, Scenario Scenario)> NotApplicable,
    IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
