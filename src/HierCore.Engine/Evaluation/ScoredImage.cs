namespace HierCore.Engine.Evaluation;

/// <summary>
/// One test image's outcome as the evaluator needs it. Every metric reads <see cref="NormalizedScore"/>
/// (z of METHOD.md §4, "used for every pooled metric"); <see cref="Score"/> (raw s) is carried for reports only.
/// </summary>
/// <param name="Class">True class; used only to group results after scoring.</param>
/// <param name="Map">Anomaly map, crop×crop row-major, or null to leave the image out of the pixel metrics.</param>
/// <param name="Mask">Ground truth (non-zero = defect), same layout as the map; null for a normal image means
/// "no defect pixel". An anomalous image without a mask is left out of the pixel metrics.</param>
public sealed record ScoredImage(string Class, bool IsAnomalous, double Score, double NormalizedScore, float[]? Map, byte[]? Mask);
