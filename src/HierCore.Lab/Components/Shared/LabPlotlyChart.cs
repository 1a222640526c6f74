using Microsoft.JSInterop;
using Plotly.Blazor;

namespace HierCore.Lab.Components.Shared;

/// <summary>
/// Plotly.Blazor's chart, except that disposing it after the browser tab was closed is normal: its DisposeAsync
/// calls into JavaScript, and with the circuit gone that throws JSDisconnectedException, which Blazor would log as
/// an error for every closed tab. Use this instead of PlotlyChart everywhere.
/// </summary>
public sealed class LabPlotlyChart : PlotlyChart, IAsyncDisposable
{
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        try { await base.DisposeAsync(); }
        catch (JSDisconnectedException) { } // the tab is gone, and the chart with it
        catch (OperationCanceledException) { } // the circuit was torn down while the call was in flight
    }
}
