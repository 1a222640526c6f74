using Bunit;
using HierCore.Lab.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;

namespace HierCore.Lab.Tests.Components;

/// <summary>A closed browser tab ends its circuit; disposing the page's charts then must not raise (Blazor logs that as an error).</summary>
public sealed class DisconnectTests
{
    [Fact]
    public async Task Plotlys_own_chart_raises_on_disposal_after_the_tab_closed()
    {
        var e = await Record.ExceptionAsync(() => RenderThenCloseTabAsync<PlotlyChart>());
        Assert.IsType<JSDisconnectedException>(e);
    }

    [Fact]
    public async Task The_labs_chart_disposes_quietly_after_the_tab_closed() =>
        Assert.Null(await Record.ExceptionAsync(() => RenderThenCloseTabAsync<LabPlotlyChart>()));

    private static async Task RenderThenCloseTabAsync<TChart>() where TChart : PlotlyChart
    {
        await using var ctx = BunitSetup.Create();
        var tabClosed = false;
        // Once the tab is closed every call into JavaScript fails, as it does on a server whose circuit has gone.
        ctx.JSInterop.SetupVoid(_ => tabClosed).SetException(new JSDisconnectedException("The circuit is gone."));
        ctx.JSInterop.SetupModule(_ => true).SetupVoid(_ => tabClosed).SetException(new JSDisconnectedException("The circuit is gone."));
        ctx.Render<TChart>(p => p.Add(c => c.Id, "chart"));
        tabClosed = true;
        await ctx.DisposeComponentsAsync();
    }
}
