using System.Globalization;
using System.Text;

namespace HierCore.Engine.Experiments;

/// <summary>scores.csv: class,image,label,score,normalized_score,routed_group — one row per test image.</summary>
public static class ScoresCsv
{
    public const string Header = "class,image,label,score,normalized_score,routed_group";

    public static string Write(IEnumerable<ImageScore> scores)
    {
        var sb = new StringBuilder().Append(Header).Append('\n');
        foreach (var s in scores)
            sb.Append(Csv(s.Class)).Append(',').Append(Csv(s.Image)).Append(',').Append(s.Label ? 1 : 0).Append(',')
              .Append(s.Score.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(s.NormalizedScore.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(Csv(s.RoutedGroup)).Append('\n');
        return sb.ToString();
    }

    /// <summary>RFC 4180 quoting, plus a leading quote for cells a spreadsheet would run as a formula.</summary>
    public static string Csv(string value)
    {
        var v = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
