using Microsoft.JSInterop;

namespace HierCore.Lab.Components.Shared;

/// <summary>
/// A closed browser tab takes its circuit with it. A JavaScript call made then (a chart plotting after a live
/// update, a copy button, a disposal) fails with <see cref="JSDisconnectedException"/>, or is cancelled when the
/// circuit is torn down while the call is in flight. That is how a tab ends, not an error: Blazor would log it as
/// one for every closed tab. Every JavaScript call of the Lab goes through here (or <see cref="LabChart"/>).
/// </summary>
public static class GoneCircuit
{
    public static bool Is(Exception e) => e is JSDisconnectedException or OperationCanceledException;

    /// <summary>Calls a JavaScript function; false when it failed in the browser or the tab is gone.</summary>
    public static async Task<bool> TryInvokeVoidAsync(this IJSRuntime js, string identifier, params object?[] args)
    {
        try
        {
            await js.InvokeVoidAsync(identifier, args);
            return true;
        }
        catch (JSException) { return false; }
        catch (Exception e) when (Is(e)) { return false; }
    }

    /// <summary>Runs a JavaScript step (a render, a disposal) that may outlive the tab; a gone circuit ends it quietly.</summary>
    public static async Task QuietlyAsync(Func<Task> step)
    {
        try { await step(); }
        catch (Exception e) when (Is(e)) { }
    }
}
