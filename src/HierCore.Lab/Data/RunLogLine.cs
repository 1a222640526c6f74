namespace HierCore.Lab.Data;

public sealed class RunLogLine
{
    public long Id { get; set; }
    public RunId RunId { get; set; }
    public DateTime At { get; set; }
    public required string Level { get; set; }
    public required string Message { get; set; }
}
