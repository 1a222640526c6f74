namespace HierCore.Engine.Memory.Clustering;

/// <summary>How HierCore forms its upper-level groups from image descriptors when training labels are absent.</summary>
public interface IGroupingStrategy
{
    /// <summary>The option text, e.g. "silhouette", "k:5", "ward:0.8".</summary>
    string Name { get; }
    GroupingResult Fit(float[][] descriptors, int seed);
}

/// <summary>k-means with K chosen by best silhouette over [2, min(cap, N/5)] (the default).</summary>
public sealed record SilhouetteGrouping(int KMaxCap = SilhouetteKSelection.DefaultKMaxCap, int Restarts = 10) : IGroupingStrategy
{
    public string Name => KMaxCap == SilhouetteKSelection.DefaultKMaxCap ? "silhouette" : $"silhouette:{KMaxCap}";
    public GroupingResult Fit(float[][] descriptors, int seed) => SilhouetteKSelection.Fit(descriptors, KMaxCap, seed, Restarts);
}

/// <summary>k-means with a fixed K.</summary>
public sealed record FixedKGrouping(int K, int Restarts = 10) : IGroupingStrategy
{
    public string Name => $"k:{K}";
    public GroupingResult Fit(float[][] descriptors, int seed)
    {
        var result = KMeans.Fit(descriptors, K, seed, Restarts);
        return K >= 2 && K <= descriptors.Length - 1 ? result with { Silhouette = Silhouette.Score(descriptors, result.Labels) } : result;
    }
}

/// <summary>Agglomerative Ward clustering cut at a merge distance.</summary>
public sealed record WardGrouping(double DistanceThreshold) : IGroupingStrategy
{
    public string Name => $"ward:{DistanceThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    public GroupingResult Fit(float[][] descriptors, int seed) => Ward.Fit(descriptors, DistanceThreshold);
}

/// <summary>
/// Parses a grouping option. Note: inside namespace HierCore.Engine.Memory the name Grouping means this
/// namespace; write Memory.Grouping.Grouping.Parse there (elsewhere, with a using, Grouping.Parse works).
/// </summary>
public static class Grouping
{
    public static IGroupingStrategy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':', 2);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return parts switch
        {
            ["silhouette"] => new SilhouetteGrouping(),
            ["silhouette", var cap] when int.TryParse(cap, inv, out int c) && c >= 2 => new SilhouetteGrouping(c),
            ["k", var k] when int.TryParse(k, inv, out int kk) && kk >= 1 => new FixedKGrouping(kk),
            ["ward", var t] when double.TryParse(t, System.Globalization.NumberStyles.Float, inv, out double th) && th >= 0 => new WardGrouping(th),
            _ => throw new FormatException($"Grouping: cannot parse '{text}'; expected 'silhouette', 'silhouette:<cap ≥ 2>', 'k:<K ≥ 1>' or 'ward:<threshold ≥ 0>'."),
        };
    }
}
