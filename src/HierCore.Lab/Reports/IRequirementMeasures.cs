using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Reports;

/// <summary>R1/R2/stability measures of a set of runs (METHOD.md §1.2). The engine computes them; see EngineRegistration.</summary>
public interface IRequirementMeasures
{
    /// <summary>Null when the measures are not available.</summary>
    IReadOnlyList<RequirementMeasure>? Compute(IReadOnlyList<RunResult> results);
}

public enum RequirementKind { R1MeanDelta, R1MaxDelta, R1ClassesBehind, R2HeadlineDrop, R2F1Drop, Stability }

/// <summary>One measured value (mean over <paramref name="Seeds"/> seeds, with its std), e.g. R2 headline drop of hiercore from S1 to S2.</summary>
public sealed record RequirementMeasure(RequirementKind Kind, string Method, string Detail, double Value, double? Std = null, int Seeds = 1);
