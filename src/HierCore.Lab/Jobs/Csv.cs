using System.Text;

namespace HierCore.Lab.Jobs;

/// <summary>RFC 4180 quoting, and cells a spreadsheet would run as a formula get a leading quote (the engine's rule).</summary>
public static class Csv
{
    public static string Escape(string? field) => HierCore.Engine.Experiments.ScoresCsv.Csv(field ?? "");

    public static List<string> Split(string line)
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
}
