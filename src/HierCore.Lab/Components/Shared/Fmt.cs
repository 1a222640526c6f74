using System.Globalization;

namespace HierCore.Lab.Components.Shared;

/// <summary>Number and time formatting shared by the pages (invariant culture: results are shared across labs).</summary>
public static class Fmt
{
    public static string N(double? v, int digits = 3) =>
        v is { } x && double.IsFinite(x) ? x.ToString("F" + digits, CultureInfo.InvariantCulture) : "–";

    public static string When(DateTime? utc) => utc is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";

    /// <summary>Bytes in binary units (1 KiB = 1024 B), as du -h shows them.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double v = bytes;
        var u = 0;
        while (v >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        return u == 0 ? $"{bytes} B" : v.ToString(v < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " " + units[u];
    }
}
