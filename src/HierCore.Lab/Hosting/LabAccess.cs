using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>Section "Auth". Off by default (the Lab listens on 127.0.0.1 only).</summary>
public sealed class AuthOptions
{
    /// <summary>When true, only signed-in users create sweeps, cancel or retry runs.</summary>
    public bool Enabled { get; set; }
    /// <summary>With Enabled: pages, share links and GET API stay readable without signing in.</summary>
    public bool PublicRead { get; set; } = true;
    public List<AuthUser> Users { get; set; } = [];
}

public sealed class AuthUser
{
    public string Name { get; set; } = "";
    /// <summary>From `hash-password` (see PasswordHash).</summary>
    public string PasswordHash { get; set; } = "";
}

/// <summary>Who may read and who may change things; one answer for the pages, the API and the artifact files.</summary>
public sealed class LabAccess(IOptionsMonitor<AuthOptions> options)
{
    public bool AuthEnabled => options.CurrentValue.Enabled;

    public bool CanRead(ClaimsPrincipal? user) => !AuthEnabled || options.CurrentValue.PublicRead || IsSignedIn(user);
    public bool CanWrite(ClaimsPrincipal? user) => !AuthEnabled || IsSignedIn(user);

    public async Task<bool> CanWriteAsync(AuthenticationStateProvider auth) => CanWrite((await auth.GetAuthenticationStateAsync()).User);

    public static bool IsSignedIn(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;

    /// <summary>The user name when the name and password match a configured user.</summary>
    public string? Check(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || name.Length > 200 || password.Length > 1000) return null;
        var user = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        // A hash is computed even for unknown names, so the answer takes as long either way.
        var ok = PasswordHash.Verify(password, user?.PasswordHash ?? Dummy);
        return user is not null && ok ? user.Name : null;
    }

    private static readonly string Dummy = PasswordHash.Create(Guid.NewGuid().ToString());
}
