namespace HierCore.Engine.Evaluation;

/// <summary>Mean and sample standard deviation (n − 1) over seeds; <see cref="Std"/> is null below two values.</summary>
public sealed record MeanStd(double Mean, double? Std, int N);

public static class Aggregate
{
    /// <summary>Mean ± sample std of the values that are numbers (NaN skipped); Mean is NaN and N = 0 when none are.</summary>
    public static MeanStd MeanStd(IEnumerable<double> values)
    {
        var kept = values.Where(v => !double.IsNaN(v)).ToList();
        if (kept.Count == 0) return new MeanStd(double.NaN, null, 0);
        double mean = kept.Average();
        if (kept.Count == 1) return new MeanStd(mean, null, 1);
        double squares = kept.Sum(v => (v - mean) * (v - mean));
        return new MeanStd(mean, Math.Sqrt(squares / (kept.Count - 1)), kept.Count);
    }

    /// <summary>Like <see cref="MeanStd(IEnumerable{double})"/> over the non-null values, but null when there are none.</summary>
    public static MeanStd? MeanStdOrNull(IEnumerable<double?> values)
    {
        var result = MeanStd(values.Where(v => v.HasValue).Select(v => v!.Value));
        return result.N == 0 ? null : result;
    }
}
