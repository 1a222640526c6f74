using HierCore.Lab.Jobs;
using Microsoft.AspNetCore.Components;

namespace HierCore.Lab.Components.Shared;

/// <summary>
/// A component that re-reads its data when the worker reports a run change, without a page reload.
/// Subscribes only once interactive (never during prerendering) and coalesces bursts of changes.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    [Inject] protected RunNotifications Notifications { get; set; } = default!;

    private IDisposable? _subscription;
    private int _pending;

    /// <summary>Whether this component shows the changed run (default: every change).</summary>
    protected virtual bool Concerns(RunChanged change) => true;

    /// <summary>Re-read what the component shows.</summary>
    protected abstract Task RefreshAsync();

    protected virtual TimeSpan Coalesce => TimeSpan.FromMilliseconds(300);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _subscription = Notifications.Subscribe(OnChangedAsync);
    }

    private async Task OnChangedAsync(RunChanged change)
    {
        if (!Concerns(change) || Interlocked.Exchange(ref _pending, 1) == 1) return;
        await Task.Delay(Coalesce);
        Interlocked.Exchange(ref _pending, 0);
        await InvokeAsync(async () =>
        {
            await RefreshAsync();
            StateHasChanged();
        });
    }

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
