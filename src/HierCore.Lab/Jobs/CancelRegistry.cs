using System.Collections.Concurrent;
using HierCore.Lab.Data;

namespace HierCore.Lab.Jobs;

/// <summary>Runs executing in this process, so a cancel from this process stops them at once; other
/// processes see the CancelRequested flag at their next heartbeat.</summary>
public sealed class CancelRegistry
{
    private readonly ConcurrentDictionary<RunId, CancellationTokenSource> _running = new();

    public void Register(RunId id, CancellationTokenSource cts) => _running[id] = cts;
    public void Unregister(RunId id) => _running.TryRemove(id, out _);

    public bool TryCancel(RunId id)
    {
        if (!_running.TryGetValue(id, out var cts)) return false;
        try { cts.Cancel(); } catch (ObjectDisposedException) { return false; }
        return true;
    }
}
