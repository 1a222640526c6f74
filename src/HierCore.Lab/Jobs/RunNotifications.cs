using System.Collections.Concurrent;
using HierCore.Lab.Data;

namespace HierCore.Lab.Jobs;

/// <summary>What changed about a run (status or progress); pages re-read what they show.</summary>
public sealed record RunChanged(RunId RunId, SweepId SweepId, RunStatus Status, string? Phase, double Progress);

/// <summary>
/// Singleton the worker raises on every status/progress change; components subscribe and refresh through
/// InvokeAsync (eShop's OrderStatusNotificationService pattern). The returned IDisposable unsubscribes.
/// </summary>
public sealed class RunNotifications(ILogger<RunNotifications> log)
{
    private readonly ConcurrentDictionary<Guid, Func<RunChanged, Task>> _subscribers = new();

    public IDisposable Subscribe(Func<RunChanged, Task> callback)
    {
        var key = Guid.NewGuid();
        _subscribers[key] = callback;
        return new Subscription(() => _subscribers.TryRemove(key, out _));
    }

    public int SubscriberCount => _subscribers.Count;

    public async Task PublishAsync(RunChanged change)
    {
        foreach (var callback in _subscribers.Values)
        {
            try { await callback(change); }
            catch (Exception e) { log.LogDebug(e, "A run-change subscriber failed (its circuit may be gone)."); }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose() { if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose(); }
    }
}
