namespace HierCore.Lab.Reports;

/// <summary>Mean ± sample standard deviation over seeds (std 0 for a single seed); NaN values are left out.</summary>
public readonly record struct Stat(double Mean, double Std, int N)
{
    public static Stat Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToList();
        if (v.Count == 0) return new Stat(double.NaN, double.NaN, 0);
        var mean = v.Average();
        var std = v.Count > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1)) : 0;
        return new Stat(mean, std, v.Count);
    }

    public bool HasValue => N > 0;

    public string Format(int digits = 3) => !HasValue ? "–"
        : N > 1 ? $"{Mean.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture)} ± {Std.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture)}"
        : Mean.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture);
}
