namespace HierCore.Engine.Evaluation;

/// <summary>A ROC curve for plotting: points ordered by decreasing threshold, as scikit-learn's <c>roc_curve</c>.</summary>
public sealed record RocCurvePoints(double[] Fpr, double[] Tpr, double[] Thresholds);

public static class RocCurve
{
    /// <summary>
    /// Same output as sklearn <c>roc_curve(labels, scores, drop_intermediate)</c> (sklearn ≥ 1.3): the first point
    /// is (0, 0) at threshold +∞, then one point per distinct score t with "anomalous if score ≥ t".
    /// FPR (TPR) is NaN throughout when there are no normal (anomalous) samples.
    /// </summary>
    public static RocCurvePoints Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, bool dropIntermediate = true)
    {
        ScoreValidation.CheckLengths(scores.Length, labels.Length, nameof(RocCurve));
        var (thresholds, tps, fps) = CumulativeCounts(scores, labels);

        if (dropIntermediate && tps.Count > 2)
        {
            // sklearn keeps a point only where the curve bends (non-zero second difference of fps or tps).
            var keep = new List<int> { 0 };
            for (int i = 1; i < tps.Count - 1; i++)
                if (fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0) keep.Add(i);
            keep.Add(tps.Count - 1);
            thresholds = keep.ConvertAll(i => thresholds[i]);
            tps = keep.ConvertAll(i => tps[i]);
            fps = keep.ConvertAll(i => fps[i]);
        }

        int m = tps.Count + 1;
        var fpr = new double[m];
        var tpr = new double[m];
        var thr = new double[m];
        thr[0] = double.PositiveInfinity;
        long totalNeg = fps.Count > 0 ? fps[^1] : 0, totalPos = tps.Count > 0 ? tps[^1] : 0;
        for (int i = 0; i < m; i++)
        {
            long fp = i == 0 ? 0 : fps[i - 1], tp = i == 0 ? 0 : tps[i - 1];
            if (i > 0) thr[i] = thresholds[i - 1];
            fpr[i] = totalNeg > 0 ? (double)fp / totalNeg : double.NaN;
            tpr[i] = totalPos > 0 ? (double)tp / totalPos : double.NaN;
        }
        return new RocCurvePoints(fpr, tpr, thr);
    }

    /// <summary>Distinct thresholds in decreasing order with the true/false positives at "score ≥ threshold".</summary>
    internal static (List<double> Thresholds, List<long> Tps, List<long> Fps) CumulativeCounts(
        ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var order = SortedDescending(scores, nameof(RocCurve));
        var thresholds = new List<double>();
        var tps = new List<long>();
        var fps = new List<long>();
        long tp = 0, fp = 0;
        for (int k = 0; k < order.Length; k++)
        {
            int i = order[k];
            if (labels[i]) tp++; else fp++;
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[i]) continue; // close a tie group only at its end
            thresholds.Add(scores[i]);
            tps.Add(tp);
            fps.Add(fp);
        }
        return (thresholds, tps, fps);
    }

    /// <summary>Sample indices ordered by decreasing score.</summary>
    internal static int[] SortedDescending(ReadOnlySpan<double> scores, string metric)
    {
        var keys = new double[scores.Length];
        var order = new int[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            ScoreValidation.CheckNotNaN(scores[i], i, metric);
            keys[i] = -scores[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }
}
