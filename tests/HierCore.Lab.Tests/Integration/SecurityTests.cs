using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HierCore.Lab.Hosting;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.Integration;

[Collection(LabCollection.Name)]
public sealed class SecurityTests(LabFactory lab)
{
    [Theory]
    [InlineData("/artifacts/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/artifacts/%2E%2E/%2E%2E/etc/passwd")]
    [InlineData("/artifacts/%252e%252e%252f%252e%252e%252fetc%252fpasswd")]
    [InlineData("/artifacts/%2Fetc%2Fpasswd")]
    [InlineData("/artifacts//etc/passwd")]
    [InlineData("/artifacts/hiercore.db")]
    [InlineData("/artifacts/artifacts/..%2Fhiercore.db")]
    public async Task Artifact_urls_never_leave_the_artifacts_folder(string url)
    {
        File.WriteAllText(Path.Combine(lab.DataDirectory, "secret.txt"), "secret");
        var response = await lab.CreateClient().GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("SQLite format", body);
    }

    [Fact]
    public async Task An_artifact_inside_the_folder_is_served()
    {
        var paths = lab.Services.GetRequiredService<LabPaths>();
        Directory.CreateDirectory(Path.Combine(paths.ArtifactsDirectory, "t"));
        File.WriteAllText(Path.Combine(paths.ArtifactsDirectory, "t", "x.csv"), "a,b\n");
        Assert.Equal("a,b\n", await lab.CreateClient().GetStringAsync("/artifacts/artifacts/t/x.csv"));
    }

    [Fact]
    public async Task Two_identical_sweeps_at_once_queue_once_and_the_second_points_at_the_first()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(300);
        var http = lab.CreateClient();
        var request = new SweepRequest { Methods = ["hiercore"], Scenarios = ["S1"], Seeds = [42] };
        var responses = await Task.WhenAll(http.PostAsJsonAsync("/api/sweeps", request), http.PostAsJsonAsync("/api/sweeps", request));
        var created = responses.Single(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        using var first = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var second = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var id = first.RootElement.GetProperty("id").GetString();
        Assert.Equal(id, second.RootElement.GetProperty("existing").GetString());
        Assert.Contains(id!, second.RootElement.GetProperty("errors")[0].GetString());

        // A different seed is a different sweep; once the first has finished, the same request is welcome again.
        await http.CreateSweepAsync(new SweepRequest { Methods = ["hiercore"], Scenarios = ["S1"], Seeds = [43] });
        await http.WaitForRunsAsync(new Data.SweepId(Guid.Parse(id!)), LabClient.AllFinal, TimeSpan.FromSeconds(30));
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(5);
        var (again, _) = await http.CreateSweepAsync(request);
        await http.WaitForRunsAsync(again, LabClient.AllFinal, TimeSpan.FromSeconds(30)); // leave no work for the next test
    }

    [Fact]
    public async Task An_oversized_sweep_is_refused_with_the_configured_limit()
    {
        var response = await lab.CreateClient().PostAsJsonAsync("/api/sweeps", new SweepRequest { Seeds = [.. Enumerable.Range(0, 20)] });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("200 runs; the limit is 150", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/runs?status=%3Cscript%3Ealert(1)%3C%2Fscript%3E&method=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&page=99999999999&size=-5&sort=zzz&desc=maybe")]
    [InlineData("/compare?sweep=%3Cscript%3Ealert(1)%3C%2Fscript%3E&metric=%3Cscript%3E&scope=x&y=-1e308")]
    [InlineData("/runs/%3Cscript%3Ealert(1)%3C%2Fscript%3E?scores=%3Cscript%3E")]
    [InlineData("/sweeps/new?dataset=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Hostile_share_links_render_a_page_without_echoing_markup(string url)
    {
        var response = await lab.CreateClient().GetAsync(url + "&q=" + new string('x', 5000));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", body);
        Assert.DoesNotContain("<img src=x", body);
    }

    [Fact]
    public async Task Hostile_api_queries_get_400s_with_short_messages()
    {
        var http = lab.CreateClient();
        foreach (var url in new[] { "/api/runs?status=" + new string('x', 10000), "/api/runs?sweep=%3Cscript%3E", $"/api/sweeps/{Guid.NewGuid()}/compare.exe" })
        {
            var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadAsStringAsync()).Length < 12_000);
        }
        var huge = await http.PostAsJsonAsync("/api/sweeps", new { dataset = new string('d', 100_000), methods = new[] { new string('m', 100_000) } });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.True((await huge.Content.ReadAsStringAsync()).Length < 2000);
    }

    [Fact]
    public void The_shipped_configuration_listens_on_loopback_only()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.WalkUp(AppContext.BaseDirectory)!, "appsettings.json")).Build();
        Assert.StartsWith("http://127.0.0.1:", config["Urls"]);
        Assert.False(config.GetValue<bool>("Auth:Enabled"));
    }
}

/// <summary>Sign-in on: writes need a signed-in user; reads follow Auth:PublicRead.</summary>
[Collection(LabCollection.Name)]
public sealed class SignInTests(LabFactory lab)
{
    private static readonly string Hash = PasswordHash.Create("correct horse");

    private WebApplicationFactory<Program> WithAuth(bool publicRead) => lab.WithWebHostBuilder(b =>
    {
        b.UseSetting("Auth:Enabled", "true");
        b.UseSetting("Auth:PublicRead", publicRead ? "true" : "false");
        b.UseSetting("Auth:Users:0:Name", "ada");
        b.UseSetting("Auth:Users:0:PasswordHash", Hash);
    });

    [Fact]
    public async Task Writes_need_sign_in_while_share_links_stay_readable()
    {
        await using var app = WithAuth(publicRead: true);
        var anon = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new SweepRequest { Methods = ["patchcore"], Scenarios = ["S2"], Seeds = [77] };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/sweeps", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsync($"/api/runs/{Guid.NewGuid()}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsync($"/api/runs/{Guid.NewGuid()}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsync($"/api/runs/{Guid.NewGuid()}/predict", PredictApiTests.Files(("a.png", [1])))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/compare")).StatusCode);
        Assert.Contains("Sign in to create sweeps", await anon.GetStringAsync("/sweeps/new"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/signin", new { user = "ada", password = "wrong" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/signin", new { user = "bob", password = "correct horse" })).StatusCode);

        var signedIn = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await signedIn.PostAsJsonAsync("/api/signin", new { user = "ada", password = "correct horse" })).StatusCode);
        var created = await signedIn.PostAsJsonAsync("/api/sweeps", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // Signed in, cancel works too; it also leaves no queued job in the shared queue for the next test.
        using var doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var runs = await signedIn.RunsAsync(new Data.SweepId(Guid.Parse(doc.RootElement.GetProperty("id").GetString()!)));
        foreach (var run in runs)
            Assert.True((await signedIn.PostAsync($"/api/runs/{run.Id}/cancel", null)).StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict);
        Assert.DoesNotContain("Sign in to create sweeps", await signedIn.GetStringAsync("/sweeps/new"));
    }

    [Fact]
    public async Task Private_reads_send_pages_to_sign_in_and_the_api_gets_401()
    {
        await using var app = WithAuth(publicRead: false);
        var anon = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/runs")).StatusCode);
        var page = await anon.GetAsync("/runs?status=Failed");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fruns%3Fstatus%3DFailed", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/signin")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anon.GetAsync("/artifacts/artifacts/x.png")).StatusCode);

        var signedIn = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        await signedIn.PostAsJsonAsync("/api/signin", new { user = "ada", password = "correct horse" });
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/runs")).StatusCode);
    }

    [Theory]
    [InlineData("/runs", "/runs")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public void Sign_in_only_returns_to_local_pages(string url, string expected) => Assert.Equal(expected, LabAuth.LocalUrl(url));

    [Fact]
    public void Password_hashes_verify_only_the_right_password()
    {
        Assert.True(PasswordHash.Verify("correct horse", Hash));
        Assert.False(PasswordHash.Verify("correct hors", Hash));
        Assert.False(PasswordHash.Verify("x", "plain-text"));
        Assert.NotEqual(Hash, PasswordHash.Create("correct horse")); // salted
    }
}
