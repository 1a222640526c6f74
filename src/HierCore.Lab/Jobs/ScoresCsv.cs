using System.Globalization;
using System.Text;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Jobs;

/// <summary>scores.csv: one row per test image (class, image, label, raw and normalised score, routed group, defect).</summary>
public static class ScoresCsv
{
    public const string Header = "class,image,label,score,normalized_score,routed_group,defect_type";

    public static string Write(IEnumerable<ImageScore> scores)
    {
        var sb = new StringBuilder().AppendLine(Header);
        foreach (var s in scores)
            sb.AppendLine(string.Join(',', Csv.Escape(s.Class), Csv.Escape(s.Image), s.Label ? "1" : "0",
                s.Score.ToString("R", CultureInfo.InvariantCulture), s.NormalizedScore.ToString("R", CultureInfo.InvariantCulture),
                Csv.Escape(s.RoutedGroup), Csv.Escape(s.DefectType)));
        return sb.ToString();
    }

    public static List<ImageScore> Read(string text)
    {
        var rows = new List<ImageScore>();
        foreach (var line in text.Split('\n').Skip(1).Where(l => l.Trim().Length > 0))
        {
            var f = Csv.Split(line.TrimEnd('\r'));
            if (f.Count < 7) continue;
            rows.Add(new ImageScore(f[0], f[1], f[2] == "1", Parse(f[3]), Parse(f[4]), f[5], f[6]));
        }
        return rows;
    }

    private static double Parse(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
