namespace HierCore.Lab.Data;

public sealed class Sweep
{
    public SweepId Id { get; set; }
    public required string Name { get; set; }
    public required string Dataset { get; set; }
    /// <summary>The validated request the sweep was made from (JSON), so a sweep can be repeated.</summary>
    public required string RequestJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public int RunCount { get; set; }
    /// <summary>Tags in stored form (see TagList): "|a|b|", so one tag is found with a LIKE on "|a|".</summary>
    public string Tags { get; set; } = "";
    /// <summary>A Markdown note (rendered without raw HTML).</summary>
    public string? Note { get; set; }
    /// <summary>Set when archived: hidden from default lists, nothing deleted.</summary>
    public DateTime? ArchivedAt { get; set; }
    public List<Run> Runs { get; set; } = [];
}
