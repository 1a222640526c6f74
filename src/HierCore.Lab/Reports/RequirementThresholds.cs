namespace HierCore.Lab.Reports;

/// <summary>The one place where the pass/fail limits of the paper's requirements live.</summary>
public static class RequirementThresholds
{
    /// <summary>R1: no class may fall more than this behind one model per class (max Δ of I-AUROC).</summary>
    public const double R1MaxDelta = 0.02;
    /// <summary>R2: the headline may drop at most this much when class labels disappear.</summary>
    public const double R2Drop = 0.01;
    /// <summary>Stability: max − min of the headline over S1–S4.</summary>
    public const double Stability = 0.01;

    /// <summary>The limit a measure is judged against; null for informational measures.</summary>
    public static double? For(RequirementKind kind) => kind switch
    {
        RequirementKind.R1MaxDelta => R1MaxDelta,
        RequirementKind.R2HeadlineDrop => R2Drop,
        RequirementKind.Stability => Stability,
        _ => null
    };

    public static bool? Passes(RequirementMeasure m) =>
        For(m.Kind) is { } limit ? !double.IsNaN(m.Value) && m.Value <= limit : null;
}
