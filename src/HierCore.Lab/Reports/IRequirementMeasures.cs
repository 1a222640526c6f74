using HierCore.Engine.Experiments;

namespace HierCore.Lab.Reports;

/// <summary>R1/R2/stability measures of a set of runs (METHOD.md §1). The engine computes them; see EngineRegistration.</summary>
public interface IRequirementMeasures
{
    /// <summary>Null when the engine's measures are not available in this build.</summary>
    IReadOnlyList<RequirementMeasure>? Compute(IReadOnlyList<RunResult> results);
}

public enum RequirementKind { R1MeanDelta, R1MaxDelta, R1ClassesBehind, R2HeadlineDrop, R2F1Drop, Stability }

/// <summary>One measured value, e.g. R2 headline drop of hiercore from S1 to S2.</summary>
public sealed record RequirementMeasure(RequirementKind Kind, string Method, string Detail, double Value);

/// <summary>Placeholder until the engine's RequirementMeasures is wired: the page says so instead of guessing.</summary>
public sealed class PendingRequirementMeasures : IRequirementMeasures
{
    public IReadOnlyList<RequirementMeasure>? Compute(IReadOnlyList<RunResult> results) => null;
}
