using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>
/// Two brakes on password guessing: ASP.NET Core's rate limiter caps sign-in attempts per client address (429 with
/// Retry-After), and <see cref="SignInLockout"/> locks a user name for minutes after repeated failures, whichever
/// addresses the guesses come from. Both live in this process (a second web process keeps its own counts).
/// </summary>
public static class SignInProtection
{
    public const string Policy = "signin";

    public static IServiceCollection AddSignInProtection(this IServiceCollection services)
    {
        services.AddSingleton<SignInLockout>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new { error = $"Too many sign-in attempts; try again in {seconds} s." }, ct);
            };
            o.AddPolicy(Policy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }
}

/// <summary>Failed sign-ins per user name; after Auth:LockoutFailures in a row the name is refused for Auth:LockoutMinutes.</summary>
public sealed class SignInLockout(IOptionsMonitor<AuthOptions> options, TimeProvider clock)
{
    private const int MaxTracked = 10_000; // guesses at made-up names must not grow this without bound
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset LockedUntil, DateTimeOffset Last);

    /// <summary>How long the name stays locked, or null when it may try.</summary>
    public TimeSpan? LockedFor(string name)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(name, out var e) && e.LockedUntil > now ? e.LockedUntil - now : null;
    }

    public void Failed(string name)
    {
        var o = options.CurrentValue;
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxTracked) Prune(now);
        _entries.AddOrUpdate(name, _ => Next(new Entry(0, DateTimeOffset.MinValue, now)), (_, e) => Next(e));

        Entry Next(Entry e)
        {
            var failures = e.LockedUntil > DateTimeOffset.MinValue && e.LockedUntil <= now ? 1 : e.Failures + 1; // a lock that ran out starts afresh
            return failures >= Math.Max(1, o.LockoutFailures)
                ? new Entry(0, now + TimeSpan.FromMinutes(o.LockoutMinutes), now)
                : new Entry(failures, e.LockedUntil > now ? e.LockedUntil : DateTimeOffset.MinValue, now);
        }
    }

    public void Succeeded(string name) => _entries.TryRemove(name, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (name, e) in _entries)
            if (e.LockedUntil <= now && now - e.Last > TimeSpan.FromMinutes(options.CurrentValue.LockoutMinutes))
                _entries.TryRemove(name, out _);
    }
}
