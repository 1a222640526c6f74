namespace HierCore.Engine.Memory.Clustering;

/// <summary>
/// Groups of image descriptors: a label in [0, K) per image, each group's centroid (mean descriptor), and
/// the mean silhouette of the labelling when it is defined (2 ≤ K ≤ N − 1).
/// </summary>
public sealed record GroupingResult(int[] Labels, int K, float[][] Centroids, double? Silhouette);
