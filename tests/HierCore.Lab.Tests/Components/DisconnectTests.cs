using Bunit;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace HierCore.Lab.Tests.Components;

/// <summary>
/// A closed tab ends its circuit: every JavaScript call then throws JSDisconnectedException (or is cancelled).
/// The Lab's components that call JavaScript must take that as the end of the tab: nothing escapes (Blazor logs
/// an escaped exception as an error of the circuit) and nothing is logged at Error.
/// </summary>
public sealed class DisconnectTests
{
    public static TheoryData<string> Gone => ["disconnected", "cancelled"];

    [Theory, MemberData(nameof(Gone))]
    public async Task A_chart_plotting_or_disposed_after_the_tab_closed_raises_nothing(string how)
    {
        var (ctx, logs) = ClosedTab(how);
        await using var _ = ctx;
        var failure = await Record.ExceptionAsync(async () =>
        {
            ctx.Render<LabChart>(p => p.Add(c => c.Id, "chart"));
            await ctx.DisposeComponentsAsync();
        });
        Assert.Null(failure);
        Assert.Empty(logs.AtLeast(LogLevel.Error));
        // The chart did try to plot (the failure was there to be swallowed).
        Assert.NotEmpty(ctx.JSInterop.Invocations);
    }

    [Theory, MemberData(nameof(Gone))]
    public async Task A_copy_button_clicked_as_the_tab_closes_raises_nothing(string how)
    {
        var (ctx, logs) = ClosedTab(how);
        await using var _ = ctx;
        ctx.Render<MudBlazor.MudPopoverProvider>(); // the button's tooltip, as in the layout
        var box = ctx.Render<CommandBox>(p => p.Add(c => c.Command, "hiercore run --dataset demo"));
        var failure = await Record.ExceptionAsync(async () =>
        {
            await box.Find("button.copy-command").ClickAsync(new());
            await ctx.DisposeComponentsAsync();
        });
        Assert.Null(failure);
        Assert.Empty(logs.AtLeast(LogLevel.Error));
        Assert.Contains(ctx.JSInterop.Invocations, i => i.Identifier == "hiercoreCopy");
    }

    /// <summary>A bUnit context whose every JavaScript call fails as it does once the tab is closed.</summary>
    private static (BunitContext, LogCapture) ClosedTab(string how)
    {
        var ctx = BunitSetup.Create("demo");
        var logs = new LogCapture();
        ctx.Services.AddLogging(b => b.AddProvider(logs));
        Exception gone = how == "cancelled" ? new TaskCanceledException("The circuit was torn down.") : new JSDisconnectedException("The circuit is gone.");
        ctx.JSInterop.SetupVoid(_ => true).SetException(gone);
        // Plotly imports its module, then loads its script through it: that call fails, so plotting does.
        ctx.JSInterop.SetupModule(_ => true).SetupVoid(_ => true).SetException(gone);
        return (ctx, logs);
    }
}
