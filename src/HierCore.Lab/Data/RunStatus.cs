namespace HierCore.Lab.Data;

/// <summary>Queued → Running → Succeeded | Failed | Cancelled.</summary>
public enum RunStatus { Queued, Running, Succeeded, Failed, Cancelled }

public static class RunStatusExtensions
{
    public static bool IsFinal(this RunStatus s) => s is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
