namespace HierCore.Lab.Components.Shared;

/// <summary>ROC points for drawing (the AUROC itself is the engine's): one point per distinct threshold, ties together.</summary>
public static class RocCurve
{
    public static (List<double> Fpr, List<double> Tpr) Compute(IReadOnlyList<(double Score, bool Label)> points)
    {
        var valid = points.Where(p => double.IsFinite(p.Score)).OrderByDescending(p => p.Score).ToList();
        int pos = valid.Count(p => p.Label), neg = valid.Count - pos;
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        if (pos == 0 || neg == 0) return (fpr, tpr);
        int tp = 0, fp = 0;
        for (var i = 0; i < valid.Count; i++)
        {
            if (valid[i].Label) tp++; else fp++;
            // Emit a point only after the last of a run of tied scores, so ties form one diagonal step.
            if (i + 1 < valid.Count && valid[i + 1].Score == valid[i].Score) continue;
            fpr.Add((double)fp / neg);
            tpr.Add((double)tp / pos);
        }
        return (fpr, tpr);
    }
}
