using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>
/// An open dashboard (a Blazor circuit) keeps the user it was opened with; this re-checks that user against the
/// configured users every Auth:RevalidateSeconds and signs the circuit out when it was removed or its password
/// changed. (Every write also asks LabAccess, which checks the current users at once.)
/// </summary>
public sealed class LabAuthenticationStateProvider(ILoggerFactory loggers, LabAccess access, IOptionsMonitor<AuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.RevalidateSeconds));

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(IsValid(state));

    public bool IsValid(AuthenticationState state) =>
        !access.AuthEnabled || !LabAccess.IsSignedIn(state.User) || access.IsCurrentUser(state.User);
}
