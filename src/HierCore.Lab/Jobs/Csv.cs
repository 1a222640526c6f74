namespace HierCore.Lab.Jobs;

/// <summary>CSV cells for the Lab's exports, with the engine's quoting rule (RFC 4180, formula cells defused).</summary>
public static class Csv
{
    public static string Escape(string? field) => HierCore.Engine.Contracts.ScoresCsv.Csv(field ?? "");
}
