using System.Globalization;
using System.Text;

namespace HierCore.Engine.Contracts;

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

    /// <summary>
    /// Parses what <see cref="Write"/> wrote. The defect type is not a column: it is the third part of the image id
    /// (class/split/defect/stem, see ImageSample.Id), empty when the id has another form.
    /// </summary>
    public static List<ImageScore> Read(string text)
    {
        var rows = new List<ImageScore>();
        foreach (var line in text.Split('\n').Skip(1).Where(l => l.Trim().Length > 0))
        {
            var f = SplitLine(line.TrimEnd('\r'));
            if (f.Count < 6) continue;
            var id = f[1].Split('/');
            rows.Add(new ImageScore(f[0], f[1], f[2] == "1", Number(f[3]), Number(f[4]), f[5], id.Length == 4 ? id[2] : ""));
        }
        return rows;
    }

    /// <summary>One CSV line into its fields (RFC 4180 quotes, no multi-line fields); the VisA split-file reader uses it too.</summary>
    public static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    static double Number(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>
    /// RFC 4180 quoting, plus a leading quote for cells a spreadsheet would run as a formula: those starting with
    /// = + - @, and with tab or carriage return, which some spreadsheets skip before reading the formula (OWASP).
    /// </summary>
    public static string Csv(string value)
    {
        var v = value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
