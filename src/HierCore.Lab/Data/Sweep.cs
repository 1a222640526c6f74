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
    public List<Run> Runs { get; set; } = [];
}
