using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>
/// A private PostgreSQL server for one test class: its own cluster in a temp folder, listening on 127.0.0.1 only
/// (random free port, Unix socket inside the temp folder), trust authentication, stopped and deleted at the end.
/// initdb and postgres refuse to run as root, so as root they run as the `postgres` OS user (runuser).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"hiercore-pg-{Guid.NewGuid():N}"[..24]);
    private string DataDir => Path.Combine(_dir, "cluster");
    public int Port { get; private set; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=15;Command Timeout=60";

    public async Task InitializeAsync()
    {
        var bin = FindBinaries();
        Directory.CreateDirectory(_dir);
        if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", _dir]);
        Port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asPostgres: true);
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dir} -c fsync=off -c synchronous_commit=off " +
                            "-c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDir, "-o", serverOptions, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "start"], asPostgres: true);
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        try { await RunAsync(Path.Combine(FindBinaries(), "pg_ctl"), ["-D", DataDir, "-m", "immediate", "-w", "stop"], asPostgres: true); }
        catch (Exception e) { Console.Error.WriteLine($"Stopping the test PostgreSQL failed: {e.Message}"); }
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>HIERCORE_PG_BIN, else the newest /usr/lib/postgresql/N/bin (Debian's layout).</summary>
    public static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("HIERCORE_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found: install Debian's `postgresql` package or set HIERCORE_PG_BIN to the folder holding initdb and pg_ctl.");
    }

    /// <summary>What is missing to start a test server, or null when the binaries are there.</summary>
    public static string? Missing()
    {
        try { FindBinaries(); return null; }
        catch (InvalidOperationException e) { return e.Message; }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres = false)
    {
        var psi = asPostgres && IsRoot ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgres && IsRoot) foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {p.ExitCode}: {await stderr}{await stdout}");
    }
}

/// <summary>Needs PostgreSQL's server binaries: skipped on a developer machine without them, run (and failing) on CI.</summary>
public sealed class PostgresFactAttribute() : HierCore.Tests.Shared.ExternalFactAttribute(PostgresServer.Missing());
