using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using HierCore.Lab.Hosting;
using HierCore.Lab.Tests.Fakes;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.Integration;

/// <summary>What an attacker on the network meets: a Lab that will not listen openly without sign-in, answers only
/// its own host names, slows and locks password guessing, and forgets removed users at once.</summary>
[Collection(LabCollection.Name)]
public sealed class ClosedByDefaultTests(LabFactory lab)
{
    private static readonly string AdaHash = PasswordHash.Create("correct horse");
    private static readonly string BobHash = PasswordHash.Create("battery staple");

    [Fact]
    public async Task Without_sign_in_the_lab_refuses_to_listen_beyond_loopback_unless_told_it_may()
    {
        await using (var open = lab.WithWebHostBuilder(b => b.UseSetting("Urls", "http://0.0.0.0:5080")))
        {
            var e = Assert.Throws<InvalidOperationException>(() => open.CreateClient());
            Assert.Contains("http://0.0.0.0:5080", e.Message);
            Assert.Contains("Auth:AllowAnonymousNetwork=true", e.Message);
        }
        await using var allowed = lab.WithWebHostBuilder(b =>
        {
            b.UseSetting("Urls", "http://0.0.0.0:5080");
            b.UseSetting("Auth:AllowAnonymousNetwork", "true");
        });
        Assert.Equal(HttpStatusCode.OK, (await allowed.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://lab.example.org:5080", false)]
    [InlineData("http://192.168.1.5:5080", false)]
    public void Loopback_addresses_are_told_apart_from_wider_ones(string url, bool loopback) =>
        Assert.Equal(loopback, NetworkExposure.IsLoopback(url));

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        var http = lab.CreateClient();
        using var evil = new HttpRequestMessage(HttpMethod.Get, "/health");
        evil.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(evil)).StatusCode);
        using var local = new HttpRequestMessage(HttpMethod.Get, "/health");
        local.Headers.Host = "127.0.0.1:5080";
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(local)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_per_client_are_limited_with_429_and_retry_after()
    {
        await using var app = WithUsers(new() { ["Auth:SignInAttemptsPerMinute"] = "3" });
        var http = app.CreateClient();
        for (var i = 0; i < 3; i++) // different names: the per-user lock plays no part here
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/signin", new { user = $"guess{i}", password = "x" })).StatusCode);
        var limited = await http.PostAsJsonAsync("/api/signin", new { user = "ada", password = "correct horse" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        var form = await http.PostAsync("/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "ada", ["password"] = "correct horse" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_user_even_against_the_right_password_and_only_that_user()
    {
        await using var app = WithUsers(new() { ["Auth:LockoutFailures"] = "3", ["Auth:LockoutMinutes"] = "10" });
        var http = app.CreateClient();
        for (var i = 0; i < 3; i++)
            await http.PostAsJsonAsync("/api/signin", new { user = "ada", password = $"wrong {i}" });
        var locked = await http.PostAsJsonAsync("/api/signin", new { user = "ada", password = "correct horse" });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("Too many failed sign-ins", await locked.Content.ReadAsStringAsync());
        Assert.True(int.Parse(locked.Headers.GetValues("Retry-After").Single()) is > 540 and <= 600);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/signin", new { user = "bob", password = "battery staple" })).StatusCode);
    }

    [Fact]
    public async Task A_removed_user_or_a_changed_password_loses_write_access_at_once_in_cookies_and_open_dashboards()
    {
        var config = new MutableConfiguration();
        config.Set(Users());
        await using var app = lab.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.Add(config)));
        var ada = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await ada.PostAsJsonAsync("/api/signin", new { user = "ada", password = "correct horse" })).StatusCode);
        var writeProbe = $"/api/runs/{Guid.NewGuid()}/cancel"; // 404 for a writer (no such run), 401 for anyone else
        Assert.Equal(HttpStatusCode.NotFound, (await ada.PostAsync(writeProbe, null)).StatusCode);

        var access = app.Services.GetRequiredService<LabAccess>();
        var circuitUser = new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(access.ClaimsFor("ada"), "cookie")));
        using var scope = app.Services.CreateScope();
        var circuits = ActivatorUtilities.CreateInstance<LabAuthenticationStateProvider>(scope.ServiceProvider);
        Assert.True(circuits.IsValid(circuitUser));

        config.Set(Users(adaHash: PasswordHash.Create("new password"))); // the operator changed ada's password
        Assert.Equal(HttpStatusCode.Unauthorized, (await ada.PostAsync(writeProbe, null)).StatusCode);
        Assert.False(circuits.IsValid(circuitUser));

        config.Set(Users(withAda: false)); // and then removed her
        Assert.Equal(HttpStatusCode.Unauthorized, (await ada.PostAsJsonAsync("/api/signin", new { user = "ada", password = "new password" })).StatusCode);
        Assert.False(circuits.IsValid(circuitUser));
    }

    [Fact]
    public void New_password_hashes_use_600000_iterations_and_older_hashes_still_verify()
    {
        Assert.Equal("600000", PasswordHash.Create("x").Split('$')[1]);
        const string Made210k = "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$gxlf+Rr9C5tHYNeBy6tVTQi7bKgI2CUjXCDI6UrbXGg=";
        Assert.True(PasswordHash.Verify("correct horse", Made210k));
        Assert.False(PasswordHash.Verify("correct horsE", Made210k));
    }

    private WebApplicationFactory<Program> WithUsers(Dictionary<string, string?> extra) => lab.WithWebHostBuilder(b =>
    {
        foreach (var (k, v) in Users().Concat(extra)) b.UseSetting(k, v);
    });

    private static Dictionary<string, string?> Users(bool withAda = true, string? adaHash = null)
    {
        var users = new Dictionary<string, string?> { ["Auth:Enabled"] = "true", ["Auth:Users:0:Name"] = "bob", ["Auth:Users:0:PasswordHash"] = BobHash };
        if (withAda) { users["Auth:Users:1:Name"] = "ada"; users["Auth:Users:1:PasswordHash"] = adaHash ?? AdaHash; }
        return users;
    }
}
