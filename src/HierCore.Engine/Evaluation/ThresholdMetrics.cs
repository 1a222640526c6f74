namespace HierCore.Engine.Evaluation;

/// <summary>Image-level classification quality at one fixed threshold.</summary>
public sealed record ThresholdOutcome(double F1, double Accuracy, double Precision, double Recall,
    int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives);

public static class ThresholdMetrics
{
    /// <summary>
    /// Confusion counts and rates at a deployable threshold τ with the convention <b>anomalous if score &gt; τ</b>
    /// (strict, as the criterion z &gt; λ of METHOD.md §4.5). F1-max instead reports an observed score t with "≥ t";
    /// to reproduce its F1 here, pass a τ just below t (e.g. <c>Math.BitDecrement(t)</c>).
    /// An undefined ratio (0/0) is NaN: recall and F1 when there is no anomalous sample, precision when nothing
    /// is predicted anomalous, accuracy for empty input.
    /// </summary>
    public static ThresholdOutcome At(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        ScoreValidation.CheckLengths(scores.Length, labels.Length, nameof(ThresholdMetrics));
        if (double.IsNaN(threshold)) throw new ArgumentException($"{nameof(ThresholdMetrics)}: the threshold is NaN.", nameof(threshold));
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            ScoreValidation.CheckNotNaN(scores[i], i, nameof(ThresholdMetrics));
            bool predicted = scores[i] > threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }
        int positives = tp + fn;
        double f1 = positives == 0 ? double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
        return new ThresholdOutcome(
            F1: f1,
            Accuracy: Ratio(tp + tn, scores.Length),
            Precision: Ratio(tp, tp + fp),
            Recall: Ratio(tp, positives),
            tp, fp, tn, fn);
    }

    private static double Ratio(int numerator, int denominator) =>
        denominator == 0 ? double.NaN : (double)numerator / denominator;
}
