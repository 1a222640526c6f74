using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>
/// Closed by default. A Lab without sign-in lets anyone who reaches it create and cancel runs, so it refuses to
/// listen beyond loopback unless sign-in is on or Auth:AllowAnonymousNetwork=true says an open Lab is intended;
/// and it answers only requests whose Host header is a loopback name unless AllowedHosts names more (a request
/// sent to some other name, as in DNS rebinding, gets 400).
/// </summary>
public static class NetworkExposure
{
    public const string LoopbackHosts = "localhost;127.0.0.1;[::1]";

    /// <summary>AllowedHosts left out of configuration means the loopback names (ASP.NET Core's own default is "*").</summary>
    public static IServiceCollection AddLoopbackHostFiltering(this IServiceCollection services, IConfiguration config) =>
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(config["AllowedHosts"])) o.AllowedHosts = LoopbackHosts.Split(';');
        });

    /// <summary>Throws, naming the addresses and the three ways out, when a web process would be open to the network without sign-in.</summary>
    public static void RefuseAnonymousNetwork(WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!app.Services.GetRequiredService<LabRoles>().Web || auth.Enabled || auth.AllowAnonymousNetwork) return;
        var open = ListenAddresses(app.Configuration).Where(u => !IsLoopback(u)).ToList();
        if (open.Count == 0) return;
        throw new InvalidOperationException(
            $"Refusing to start: sign-in is off (Auth:Enabled=false) but the Lab would listen on {string.Join(", ", open)}, " +
            "so anyone on that network could create, cancel and retry runs. Either listen on 127.0.0.1 only (Urls), " +
            "or turn sign-in on (Auth:Enabled=true and a user in Auth:Users; `HierCore.Lab hash-password` makes the hash), " +
            "or set Auth:AllowAnonymousNetwork=true to run an open Lab on purpose.");
    }

    /// <summary>What Kestrel will bind: Urls, else HTTP_PORTS/HTTPS_PORTS (all interfaces), plus Kestrel:Endpoints.</summary>
    public static IEnumerable<string> ListenAddresses(IConfiguration config)
    {
        var split = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var urls = config["urls"]?.Split(';', split) ?? [];
        if (urls.Length == 0)
            urls = [.. (config["http_ports"]?.Split(';', split) ?? []).Select(p => $"http://*:{p}"),
                    .. (config["https_ports"]?.Split(';', split) ?? []).Select(p => $"https://*:{p}")];
        var endpoints = config.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>();
        return urls.Concat(endpoints);
    }

    /// <summary>localhost, 127.0.0.0/8 and ::1 are loopback; "*", "+", 0.0.0.0, [::] and host names bind wider.</summary>
    public static bool IsLoopback(string url)
    {
        var hostStart = url.IndexOf("://", StringComparison.Ordinal);
        var rest = hostStart < 0 ? url : url[(hostStart + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
