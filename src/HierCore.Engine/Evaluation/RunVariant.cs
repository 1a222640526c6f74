using System.Globalization;
using HierCore.Engine.Contracts;

namespace HierCore.Engine.Evaluation;

/// <summary>
/// A run's settings apart from what the requirement measures compare across (dataset, method, scenario, seed)
/// and the device, which does not change what is computed. Runs with equal variants are comparable.
/// </summary>
public static class RunVariant
{
    public static string Of(RunSpec c) => string.Join(';',
        $"{c.FeatureKey}", F("ratio", c.CoresetRatio), $"reweight={c.Reweighting}", F("lambda", c.Lambda),
        $"criterion={c.Criterion}", $"grouping={c.Grouping}", $"kmax={c.MaxClusters}", $"routing={c.Routing}",
        $"proj={c.ProjectionDim}");

    /// <summary>The settings that shape a memory bank's scores: features, coreset ratio, re-weighting.</summary>
    internal static string BankKey(RunSpec c) => $"{c.FeatureKey};{F("ratio", c.CoresetRatio)};reweight={c.Reweighting};proj={c.ProjectionDim}";

    private static string F(string name, double v) => $"{name}={v.ToString("R", CultureInfo.InvariantCulture)}";
}
