using HierCore.Engine.Contracts;

namespace HierCore.Engine.Evaluation;

/// <summary>One class's R1 gap: Δ = reference I-AUROC (PatchCore one-class, S1) − the method's I-AUROC.</summary>
public sealed record ClassDelta(string Class, double Reference, double Value, double Delta);

/// <summary>
/// R1, per-class fidelity, of one run (dataset × variant × method × scenario × seed). The R1 values are null when
/// the run has no per-class I-AUROC or no matching patchcore-oc S1 run of the same dataset and seed exists.
/// </summary>
public sealed record R1FidelityRow
{
    public required string Dataset { get; init; }
    public required string Method { get; init; }
    public required string Scenario { get; init; }
    public int Seed { get; init; }
    /// <summary>The run's settings apart from dataset, method, scenario, seed and device (<see cref="RunSettings.VariantKey"/>).</summary>
    public required string Variant { get; init; }
    /// <summary>Variant of the patchcore-oc S1 run used as reference; null when none matched.</summary>
    public string? ReferenceVariant { get; init; }
    public int ClassesCompared { get; init; }
    public double? MeanDelta { get; init; }
    public double? MaxDelta { get; init; }
    public string? WorstClass { get; init; }
    /// <summary>Classes with Δc &gt; 0.01 (<see cref="RequirementMeasures.R1Tolerance"/>).</summary>
    public int? ClassesBehind { get; init; }
    public IReadOnlyList<ClassDelta> Deltas { get; init; } = [];
}

/// <summary>
/// R2, robustness to missing labels, and stability of one method (dataset × variant × method × seed) across the
/// scenarios. A drop is null when either of its two scenarios is missing (or not applicable, NaN headline).
/// </summary>
public sealed record R2RobustnessRow
{
    public required string Dataset { get; init; }
    public required string Method { get; init; }
    public int Seed { get; init; }
    public required string Variant { get; init; }
    public double? HeadlineS1 { get; init; }
    public double? HeadlineS2 { get; init; }
    public double? HeadlineS3 { get; init; }
    public double? HeadlineS4 { get; init; }
    /// <summary>headline(S1) − headline(S2): the cost of losing class labels at evaluation, labels at training.</summary>
    public double? HeadlineDropS1S2 { get; init; }
    /// <summary>headline(S3) − headline(S4): the same cost without labels at training.</summary>
    public double? HeadlineDropS3S4 { get; init; }
    /// <summary>Pooled deployable F1(S1) − F1(S2).</summary>
    public double? F1DeployableDropS1S2 { get; init; }
    /// <summary>Pooled deployable F1(S3) − F1(S4).</summary>
    public double? F1DeployableDropS3S4 { get; init; }
    /// <summary>max − min headline over <see cref="StabilityScenarios"/>; null when fewer than two are available.</summary>
    public double? Stability { get; init; }
    /// <summary>The scenarios whose headline entered <see cref="Stability"/>, e.g. "S1,S2".</summary>
    public required string StabilityScenarios { get; init; }
}

/// <summary>R1 of one dataset × variant × method × scenario, mean ± std over seeds.</summary>
public sealed record R1FidelitySummary(
    string Dataset, string Method, string Scenario, string Variant, int Seeds,
    MeanStd? MeanDelta, MeanStd? MaxDelta, MeanStd? ClassesBehind);

/// <summary>R2 and stability of one dataset × variant × method, mean ± std over seeds.</summary>
public sealed record R2RobustnessSummary(
    string Dataset, string Method, string Variant, int Seeds,
    MeanStd? HeadlineDropS1S2, MeanStd? HeadlineDropS3S4,
    MeanStd? F1DeployableDropS1S2, MeanStd? F1DeployableDropS3S4, MeanStd? Stability);

/// <summary>Everything <see cref="RequirementMeasures.Compute"/> produces, per seed and aggregated over seeds.</summary>
public sealed record RequirementReport(
    IReadOnlyList<R1FidelityRow> R1PerSeed,
    IReadOnlyList<R2RobustnessRow> R2PerSeed,
    IReadOnlyList<R1FidelitySummary> R1,
    IReadOnlyList<R2RobustnessSummary> R2);
