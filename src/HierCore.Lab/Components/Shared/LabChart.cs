using Plotly.Blazor;

namespace HierCore.Lab.Components.Shared;

/// <summary>
/// Plotly.Blazor's chart for the Lab's pages: plotting on first render is a JavaScript call that outlives a tab
/// closed meanwhile (a live page re-creates its charts when a run finishes), and so may a disposal. Both end
/// quietly through <see cref="GoneCircuit"/> instead of surfacing as an unhandled error of the circuit.
/// </summary>
public sealed class LabChart : PlotlyChart, IAsyncDisposable, IDisposable
{
    protected override Task OnAfterRenderAsync(bool firstRender) =>
        GoneCircuit.QuietlyAsync(() => base.OnAfterRenderAsync(firstRender));

    async ValueTask IAsyncDisposable.DisposeAsync() => await GoneCircuit.QuietlyAsync(() => DisposeAsync().AsTask());

    // Plotly's synchronous Dispose blocks on its DisposeAsync; the renderer calls both.
    void IDisposable.Dispose() => ((IAsyncDisposable)this).DisposeAsync().AsTask().GetAwaiter().GetResult();
}
