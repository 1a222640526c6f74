namespace HierCore.Engine.Methods;

/// <summary>
/// A method's verdict on one test image. <paramref name="Score"/> is the raw image score (max patch distance),
/// <paramref name="NormalizedScore"/> is z = (s − cg)/σg of the group that scored it (cg, σg: the location and
/// spread of its criterion's scale); PatchScores are the raw 28×28 patch distances, normalised with the same.
/// </summary>
public sealed record Prediction(
    double Score,
    double NormalizedScore,
    int Group,
    float[] PatchScores,
    double GroupCenter,
    double GroupSpread)
{
    /// <summary>z-map: patch scores → upsampled, blurred anomaly map, normalised with the group's z location and spread.</summary>
    public float[] ZMap(int crop)
    {
        var map = Features.AnomalyMap.Compute(PatchScores, crop);
        for (var j = 0; j < map.Length; j++) map[j] = (float)((map[j] - GroupCenter) / GroupSpread);
        return map;
    }
}
