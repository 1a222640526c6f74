namespace HierCore.Lab.Data;

/// <summary>One number of one run. Scope is a class name, "pooled", "mean" or "run" (run-level values).</summary>
public sealed class Metric
{
    public long Id { get; set; }
    public RunId RunId { get; set; }
    public required string Name { get; set; }
    public required string Scope { get; set; }
    public double Value { get; set; }
    /// <summary>The engine's MetricDefinitions.Version when the number was computed.</summary>
    public required string DefinitionVersion { get; set; }
}

/// <summary>The aggregate scopes; the engine refuses classes with these names at dataset load (ReservedClassNames).</summary>
public static class MetricScopes
{
    public const string Pooled = HierCore.Engine.Datasets.ReservedClassNames.Pooled;
    public const string Mean = HierCore.Engine.Datasets.ReservedClassNames.Mean;
    public const string Run = HierCore.Engine.Datasets.ReservedClassNames.Run;
}
