using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace HierCore.Lab.Hosting;

/// <summary>
/// Optional sign-in (Auth:Enabled): cookie authentication against the users in configuration. Writes (create,
/// cancel, retry) need a signed-in user in the pages and the API; reads need one only when Auth:PublicRead is false.
/// The browser signs in at /signin; scripts POST {"user","password"} to /api/signin and keep the cookie.
/// </summary>
public static class LabAuth
{
    public static IHostApplicationBuilder AddLabAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration("Auth");
        builder.Services.AddSingleton<LabAccess>();
        builder.Services.AddSignInProtection();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "hiercore-lab";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict; // a cookie-carrying POST from another site is not sent
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.LoginPath = "/signin";
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            // Every request: the cookie's user must still be configured with the same password, else it is dropped.
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var access = ctx.HttpContext.RequestServices.GetRequiredService<LabAccess>();
                if (!access.AuthEnabled || access.IsCurrentUser(ctx.Principal)) return;
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            };
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>Authentication, then (when reads are private) a gate in front of everything but sign-in and static files.</summary>
    public static WebApplication UseLabAuth(this WebApplication app)
    {
        app.UseAuthentication();
        // After authentication, so a limit can count per signed-in user (predict); sign-in limits count per address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Use(async (ctx, next) =>
        {
            var access = ctx.RequestServices.GetRequiredService<LabAccess>();
            if (access.CanRead(ctx.User) || IsOpen(ctx.Request.Path)) { await next(); return; }
            if (ctx.Request.Path.StartsWithSegments("/api"))
                await Results.Json(new { error = "Sign in first (POST /api/signin)." }, statusCode: 401).ExecuteAsync(ctx);
            else
                ctx.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(ctx.Request.Path + ctx.Request.QueryString));
        });
        return app;
    }

    private static bool IsOpen(PathString path) =>
        path == "/signin" || path == "/health" || path == "/favicon.svg" || path.StartsWithSegments("/auth") || path.StartsWithSegments("/api/signin")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/_content");

    /// <summary>An endpoint filter for writes: 401 with a message unless the caller may write.</summary>
    public static TBuilder RequireLabWrite<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<LabAccess>().CanWrite(context.HttpContext.User)
                ? await next(context)
                : Results.Json(new { error = "Sign in to create, cancel or retry (Auth:Enabled is on)." }, statusCode: 401));

    public static WebApplication MapLabAuth(this WebApplication app)
    {
        app.MapGet("/signin", (HttpContext ctx, IAntiforgery antiforgery, LabAccess access, string? returnUrl, string? failed) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(ctx);
            return Results.Content(SignInPage.Render(tokens, LocalUrl(returnUrl), failed is not null, access.AuthEnabled), "text/html; charset=utf-8");
        });
        app.MapPost("/auth/signin", async (HttpContext ctx, LabAccess access, SignInLockout lockout, [FromForm] string? user, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var back = LocalUrl(returnUrl);
            if (Attempt(access, lockout, user, password) is not { User: { } name })
                return Results.Redirect($"/signin?failed=1&returnUrl={Uri.EscapeDataString(back)}");
            await SignInAsync(ctx, access, name);
            return Results.LocalRedirect(back);
        }).RequireRateLimiting(SignInProtection.Policy);
        app.MapPost("/api/signin", async (HttpContext ctx, LabAccess access, SignInLockout lockout, SignInRequest? body) =>
        {
            var outcome = Attempt(access, lockout, body?.User, body?.Password);
            if (outcome.LockedFor is { } wait)
            {
                ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(new { error = $"Too many failed sign-ins for this user; try again in {Math.Ceiling(wait.TotalMinutes)} min." }, statusCode: 401);
            }
            if (outcome.User is not { } name)
                return Results.Json(new { error = "Unknown user or wrong password." }, statusCode: 401);
            await SignInAsync(ctx, access, name);
            return Results.Ok(new { user = name });
        }).RequireRateLimiting(SignInProtection.Policy);
        app.MapPost("/auth/signout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        }).DisableAntiforgery(); // signing out harms nobody; the cookie is SameSite=Strict anyway
        return app;
    }

    public sealed record SignInRequest(string? User, string? Password);

    private sealed record SignInOutcome(string? User, TimeSpan? LockedFor);

    /// <summary>A locked name is refused before its password is hashed; a failure counts towards the lock.</summary>
    private static SignInOutcome Attempt(LabAccess access, SignInLockout lockout, string? user, string? password)
    {
        var key = user ?? "";
        if (lockout.LockedFor(key) is { } wait) return new(null, wait);
        if (access.Check(user, password) is { } name) { lockout.Succeeded(key); return new(name, null); }
        lockout.Failed(key);
        return new(null, lockout.LockedFor(key));
    }

    private static Task SignInAsync(HttpContext ctx, LabAccess access, string name) =>
        ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(access.ClaimsFor(name), CookieAuthenticationDefaults.AuthenticationScheme)));

    /// <summary>Only a path on this site (no //host, no scheme): sign-in never redirects elsewhere.</summary>
    internal static string LocalUrl(string? url) =>
        url is { Length: > 0 and < 2000 } && url[0] == '/' && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";

    private static class SignInPage
    {
        public static string Render(AntiforgeryTokenSet tokens, string returnUrl, bool failed, bool enabled) => $$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in · HierCore Lab</title>
            <meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="icon" type="image/svg+xml" href="/favicon.svg">
            <link href="/css/app.css" rel="stylesheet"></head>
            <body class="signin"><form method="post" action="/auth/signin" class="signin-box">
            <h1>HierCore Lab</h1>
            {{(enabled ? "" : "<p>Sign-in is off (Auth:Enabled is false): everyone may use the Lab.</p>")}}
            {{(failed ? "<p class=\"fail\">Unknown user or wrong password.</p>" : "")}}
            <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
            <label>User <input name="user" autocomplete="username" required autofocus></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            <p><a href="/">Back to the Lab</a></p>
            </form></body></html>
            """;
    }
}
