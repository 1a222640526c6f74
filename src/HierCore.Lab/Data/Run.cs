using HierCore.Engine.Contracts;

namespace HierCore.Lab.Data;

/// <summary>One run: method × scenario × dataset × settings × seed. Its identity is its full spec.</summary>
public sealed class Run
{
    public RunId Id { get; set; }
    public SweepId SweepId { get; set; }
    public Sweep? Sweep { get; set; }
    public required string SpecJson { get; set; }
    public required string Method { get; set; }
    public required string Scenario { get; set; }
    public required string Dataset { get; set; }
    public int Seed { get; set; }
    public RunStatus Status { get; set; }
    /// <summary>1 for the first execution; a retry or a re-queue after a lost worker increments it.</summary>
    public int Attempt { get; set; } = 1;
    public string? Worker { get; set; }
    public string? JobId { get; set; }
    public bool CancelRequested { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    public string? Phase { get; set; }
    public int ProgressDone { get; set; }
    public int ProgressTotal { get; set; }
    /// <summary>Overall progress 0..1 over all phases (drives the progress bar and the ETA).</summary>
    public double Progress { get; set; }
    public string? Error { get; set; }
    public double? Headline { get; set; }
    public string? ResultJson { get; set; }
    /// <summary>Tags in stored form (see TagList).</summary>
    public string Tags { get; set; } = "";
    /// <summary>A Markdown note (rendered without raw HTML).</summary>
    public string? Note { get; set; }
    public List<Artifact> Artifacts { get; set; } = [];
    public List<RunLogLine> Log { get; set; } = [];
}
