namespace HierCore.Engine.Memory.Clustering;

/// <summary>How HierCore forms its upper-level groups from image descriptors when training labels are absent.</summary>
public interface IGroupingStrategy
{
    /// <summary>The option text, e.g. "silhouette", "k:5", "ward:0.8".</summary>
    string Name { get; }
    GroupingResult Fit(float[][] descriptors, int seed, CancellationToken ct = default);
}

/// <summary>
/// k-means with K chosen by best silhouette over [2, min(cap, N/5)], cap ≤ 30 (the default). <c>max-share:S</c> is the
/// size-aware form: only K whose largest cluster holds at most a share S of the training images compete, which
/// bounds the most expensive bank (see <see cref="SilhouetteKSelection"/>).
/// </summary>
public sealed record SilhouetteGrouping(int KMaxCap = SilhouetteKSelection.DefaultKMaxCap, int Restarts = 10, double MaxShare = 1.0) : IGroupingStrategy
{
    public string Name => MaxShare < 1 ? $"max-share:{MaxShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : KMaxCap == SilhouetteKSelection.DefaultKMaxCap ? "silhouette" : $"silhouette:{KMaxCap}";
    public GroupingResult Fit(float[][] descriptors, int seed, CancellationToken ct = default) =>
        SilhouetteKSelection.Fit(descriptors, KMaxCap, seed, Restarts, ct, MaxShare);
}

/// <summary>k-means with a fixed K.</summary>
public sealed record FixedKGrouping(int K, int Restarts = 10) : IGroupingStrategy
{
    public string Name => $"k:{K}";
    public GroupingResult Fit(float[][] descriptors, int seed, CancellationToken ct = default)
    {
        var result = KMeans.Fit(descriptors, K, seed, Restarts, ct);
        return K >= 2 && K <= descriptors.Length - 1 ? result with { Silhouette = Silhouette.Score(descriptors, result.Labels, ct) } : result;
    }
}

/// <summary>Agglomerative Ward clustering cut at a merge distance.</summary>
public sealed record WardGrouping(double DistanceThreshold) : IGroupingStrategy
{
    public string Name => $"ward:{DistanceThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    public GroupingResult Fit(float[][] descriptors, int seed, CancellationToken ct = default) => Ward.Fit(descriptors, DistanceThreshold, ct);
}

/// <summary>
/// Parses a grouping option. Note: inside namespace HierCore.Engine.Memory the name Grouping means this
/// namespace; write Memory.Grouping.Grouping.Parse there (elsewhere, with a using, Grouping.Parse works).
/// </summary>
public static class Grouping
{
    /// <summary>
    /// Most groups any option may ask for (k:K, silhouette's cap, the run's MaxClusters): each group is a coreset
    /// bank and a criterion to build, and silhouette runs k-means for every K up to the cap.
    /// </summary>
    public const int MaxGroups = 30;

    public static IGroupingStrategy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':', 2);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return parts switch
        {
            ["silhouette"] => new SilhouetteGrouping(),
            ["silhouette", var cap] when int.TryParse(cap, inv, out int c) && c is >= 2 and <= MaxGroups => new SilhouetteGrouping(c),
            ["k", var k] when int.TryParse(k, inv, out int kk) && kk is >= 1 and <= MaxGroups => new FixedKGrouping(kk),
            ["max-share", var sh] when double.TryParse(sh, System.Globalization.NumberStyles.Float, inv, out double share) && share > 0 && share <= 1
                => new SilhouetteGrouping(MaxShare: share),
            // ward:0 merges nothing (every image its own group, none with a criterion sample); ∞ merges everything.
            ["ward", var t] when double.TryParse(t, System.Globalization.NumberStyles.Float, inv, out double th) && th > 0 && double.IsFinite(th) => new WardGrouping(th),
            _ => throw new FormatException($"Grouping: cannot parse '{text}'; expected 'silhouette', 'silhouette:<cap in [2, {MaxGroups}]>', " +
                $"'max-share:<S in (0, 1]>', 'k:<K in [1, {MaxGroups}]>' or 'ward:<finite threshold > 0>'."),
        };
    }
}
