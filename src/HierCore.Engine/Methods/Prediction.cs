namespace HierCore.Engine.Methods;

/// <summary>
/// A method's verdict on one test image. <paramref name="Score"/> is the raw image score (max patch distance),
/// <paramref name="NormalizedScore"/> is z = (s − μg)/σg of the group that scored it; PatchScores are the raw
/// 28×28 patch distances, to be normalised with the same (μg, σg).
/// </summary>
public sealed record Prediction(
    double Score,
    double NormalizedScore,
    int Group,
    float[] PatchScores,
    double GroupMean,
    double GroupStd)
{
    /// <summary>z-map: patch scores → upsampled, blurred anomaly map, normalised with the group's (μg, σg).</summary>
    public float[] ZMap(int crop)
    {
        var map = Features.AnomalyMap.Compute(PatchScores, crop);
        for (var j = 0; j < map.Length; j++) map[j] = (float)((map[j] - GroupMean) / GroupStd);
        return map;
    }
}
