using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Reports;

namespace HierCore.Lab.Tests.Fakes;

/// <summary>Fixed requirement measures for display tests (the real ones come from the engine).</summary>
public sealed class FakeRequirementMeasures : IRequirementMeasures
{
    public IReadOnlyList<RequirementMeasure>? Compute(IReadOnlyList<RunResult> results) =>
        results.Select(r => r.Method).Distinct().Order().SelectMany(m => new[]
        {
            new RequirementMeasure(RequirementKind.R1MaxDelta, m, "max Δ vs PatchCore-OC (S1)", m == "hiercore" ? 0.015 : 0.04),
            new RequirementMeasure(RequirementKind.R2HeadlineDrop, m, "S1 → S2", m == "hiercore" ? 0.004 : 0.03),
            new RequirementMeasure(RequirementKind.Stability, m, "max − min over S1–S4", m == "hiercore" ? 0.009 : 0.05),
        }).ToList();
}
