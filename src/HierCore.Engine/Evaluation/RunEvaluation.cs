using HierCore.Engine.Contracts;

namespace HierCore.Engine.Evaluation;

/// <summary>The metric part of a <see cref="RunResult"/>.</summary>
public sealed record RunEvaluation(double Headline, MetricSet MeanOverClasses, MetricSet Pooled, IReadOnlyList<ClassMetrics> PerClass);
