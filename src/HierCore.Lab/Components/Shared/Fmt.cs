using System.Globalization;

namespace HierCore.Lab.Components.Shared;

/// <summary>Number and time formatting shared by the pages (invariant culture: results are shared across labs).</summary>
public static class Fmt
{
    public static string N(double? v, int digits = 3) =>
        v is { } x && double.IsFinite(x) ? x.ToString("F" + digits, CultureInfo.InvariantCulture) : "–";

    public static string When(DateTime? utc) => utc is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";
}
