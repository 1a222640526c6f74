using System.Globalization;

namespace HierCore.Engine.Evaluation;

/// <summary>
/// Mean ± sample standard deviation (n − 1) over seeds: the one such helper of the engine, the CLI and the Lab.
/// Values that are not finite numbers (an undefined metric is NaN) are left out; <see cref="Std"/> is null
/// below two values, where a spread is not defined.
/// </summary>
public sealed record MeanStd(double Mean, double? Std, int N)
{
    public bool HasValue => N > 0;

    /// <summary>Mean is NaN and N = 0 when no value is a finite number.</summary>
    public static MeanStd Of(IEnumerable<double> values)
    {
        var kept = values.Where(double.IsFinite).ToList();
        if (kept.Count == 0) return new MeanStd(double.NaN, null, 0);
        var mean = kept.Average();
        if (kept.Count == 1) return new MeanStd(mean, null, 1);
        var squares = kept.Sum(v => (v - mean) * (v - mean));
        return new MeanStd(mean, Math.Sqrt(squares / (kept.Count - 1)), kept.Count);
    }

    /// <summary>Like <see cref="Of"/> over the values present, but null when none is.</summary>
    public static MeanStd? OfPresent(IEnumerable<double?> values)
    {
        var result = Of(values.Where(v => v.HasValue).Select(v => v!.Value));
        return result.HasValue ? result : null;
    }

    /// <summary>"mean ± std", just "mean" for one value, <paramref name="missing"/> for none (invariant culture).</summary>
    public string Format(string format = "F3", string missing = "–") =>
        !HasValue ? missing
        : Std is { } s ? $"{Mean.ToString(format, CultureInfo.InvariantCulture)} ± {s.ToString(format, CultureInfo.InvariantCulture)}"
        : Mean.ToString(format, CultureInfo.InvariantCulture);
}
