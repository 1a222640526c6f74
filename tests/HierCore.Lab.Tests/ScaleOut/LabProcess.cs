using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>
/// One real `dotnet HierCore.Lab.dll` process (web, worker or both) on 127.0.0.1, configured only through
/// environment variables, as an operator would start it on a machine. Output goes to a log file for diagnosis.
/// </summary>
public sealed class LabProcess : IDisposable
{
    private readonly Process _process;
    public string Name { get; }
    public Uri Url { get; }
    public string LogFile { get; }

    public LabProcess(string name, string logDirectory, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Url = new Uri($"http://127.0.0.1:{FreePort()}");
        LogFile = Path.Combine(logDirectory, $"{name}.log");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(LabDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(LabDll);
        psi.Environment["Urls"] = Url.ToString().TrimEnd('/');
        psi.Environment["Lab__RepositoryRoot"] = RepositoryRoot;
        psi.Environment["Lab__GenerateDemoDataset"] = "false";
        psi.Environment["Worker__Name"] = name;
        psi.Environment["Worker__Device"] = "cpu";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["DOTNET_gcServer"] = "0";
        foreach (var (k, v) in settings) psi.Environment[k] = v;
        _process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {LabDll}.");
        var log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} at start-up:\n{Tail()}");
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { } catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not answer /health within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no last heartbeat, exactly what a crashed machine looks like.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as `docker stop` and systemd send it: the process is asked to shut down gracefully.</summary>
    public void Terminate()
    {
        if (SysKill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed (errno {Marshal.GetLastPInvokeError()}).");
    }

    /// <summary>The exit code, or null when the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
        return _process.ExitCode;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    public string Tail(int lines = 40)
    {
        try
        {
            using var s = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return string.Join('\n', new StreamReader(s).ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException) { return "(no log)"; }
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    public static string RepositoryRoot { get; } = Hosting.RepositoryRoot.WalkUp(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository root (HierCore.Lab.sln) was not found above the test output.");

    /// <summary>The Lab's own build output, same configuration as the tests (bin/Debug or bin/Release).</summary>
    public static string LabDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            var dll = Path.Combine(RepositoryRoot, "src", "HierCore.Lab", "bin", configuration, "net10.0", "HierCore.Lab.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/HierCore.Lab first ({configuration}); not found: {dll}");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
