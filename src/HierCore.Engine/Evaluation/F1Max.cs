namespace HierCore.Engine.Evaluation;

/// <summary>
/// Image F1-max: the best F1 over every distinct threshold t with "anomalous if score ≥ t" — an oracle threshold,
/// the upper bound for any deployable one.
/// </summary>
public static class F1Max
{
    /// <returns>The best F1 and the highest threshold that reaches it; (NaN, NaN) when there is no anomalous sample.</returns>
    public static (double F1, double Threshold) Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        ScoreValidation.CheckLengths(scores.Length, labels.Length, nameof(F1Max));
        var (thresholds, tps, fps) = RocCurve.CumulativeCounts(scores, labels);
        long positives = tps.Count > 0 ? tps[^1] : 0;
        if (positives == 0) return (double.NaN, double.NaN);

        double best = -1, bestThreshold = double.NaN;
        for (int i = 0; i < thresholds.Count; i++)
        {
            // F1 = 2TP / (2TP + FP + FN) with FN = P − TP; never 0/0 because P > 0.
            double f1 = 2.0 * tps[i] / (tps[i] + fps[i] + positives);
            if (f1 > best) (best, bestThreshold) = (f1, thresholds[i]);
        }
        return (best, bestThreshold);
    }
}
