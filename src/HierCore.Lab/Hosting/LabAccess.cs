using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>Section "Auth". Off by default, and then the Lab refuses to listen beyond loopback (see NetworkExposure).</summary>
public sealed class AuthOptions
{
    /// <summary>When true, only signed-in users create sweeps, cancel or retry runs.</summary>
    public bool Enabled { get; set; }
    /// <summary>Lets a Lab without sign-in listen on a non-loopback address. Off: such a start is refused.</summary>
    public bool AllowAnonymousNetwork { get; set; }
    /// <summary>Sign-in attempts (form and API together) per client address per minute; more get 429 with Retry-After.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
    /// <summary>Failed sign-ins in a row after which a user name is locked.</summary>
    public int LockoutFailures { get; set; } = 5;
    public double LockoutMinutes { get; set; } = 5;
    /// <summary>How often an open dashboard (a Blazor circuit) checks that its user still exists.</summary>
    public double RevalidateSeconds { get; set; } = 30;
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

    public bool CanRead(ClaimsPrincipal? user) => !AuthEnabled || options.CurrentValue.PublicRead || IsCurrentUser(user);
    public bool CanWrite(ClaimsPrincipal? user) => !AuthEnabled || IsCurrentUser(user);

    public async Task<bool> CanWriteAsync(AuthenticationStateProvider auth) => CanWrite((await auth.GetAuthenticationStateAsync()).User);

    public static bool IsSignedIn(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;

    /// <summary>
    /// Signed in as a user that is still configured with the same password hash: a removed user, or one whose
    /// password was changed, loses access with the next request (cookie) or check (open dashboard).
    /// </summary>
    public bool IsCurrentUser(ClaimsPrincipal? user)
    {
        if (!IsSignedIn(user)) return false;
        var name = user!.Identity!.Name;
        var configured = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        return configured is not null && user.FindFirst(StampClaim)?.Value == Stamp(configured.PasswordHash);
    }

    /// <summary>Claims for a user who just signed in: the name and a stamp of the password hash it signed in against.</summary>
    public IEnumerable<Claim> ClaimsFor(string name) =>
    [
        new(ClaimTypes.Name, name),
        new(StampClaim, Stamp(options.CurrentValue.Users.First(u => string.Equals(u.Name, name, StringComparison.Ordinal)).PasswordHash)),
    ];

    private const string StampClaim = "hiercore:stamp";

    /// <summary>A digest of the stored hash (never the hash itself in a cookie): it changes whenever the password does.</summary>
    private static string Stamp(string passwordHash) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(passwordHash)))[..22];

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
