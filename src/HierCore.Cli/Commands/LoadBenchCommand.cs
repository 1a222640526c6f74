using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HierCore.Cli.Bench;
using HierCore.Cli.Output;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>`hiercore bench load`: p50/p95 latency and errors per endpoint of a running Lab under concurrent clients.</summary>
public static class LoadBenchCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The Lab to load (loopback only)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var clients = new Option<int>("--clients") { Description = "Concurrent HTTP clients", DefaultValueFactory = _ => 50 };
        var seconds = new Option<double>("--seconds") { Description = "How long to load", DefaultValueFactory = _ => 30 };
        var output = new Option<string?>("--out") { Description = "Write the report as JSON here" };
        var markdown = new Option<string?>("--markdown") { Description = "Write the table as Markdown here" };
        var command = new Command("load",
            "Load a running Lab (start it with LoadTest:SeedRuns=2000 on a scratch data folder) with concurrent clients: Runs, Compare, API.")
            { url, clients, seconds, output, markdown };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var uri)) return ExitCodes.Invalid($"--url: '{parse.GetValue(url)}' is not an absolute URL.");
            var n = parse.GetValue(clients);
            var s = parse.GetValue(seconds);
            if (n is < 1 or > 1000) return ExitCodes.Invalid($"--clients: 1 to 1000 (got {n}).");
            if (s is <= 0 or > 3600) return ExitCodes.Invalid($"--seconds: more than 0, at most 3600 (got {s}).");
            try { LoadBench.RequireLoopback(uri); } catch (ArgumentException e) { return ExitCodes.Invalid(e.Message); }

            var report = await LoadBench.RunAsync(uri, n, TimeSpan.FromSeconds(s), m => AnsiConsole.MarkupLine(Markup.Escape(m)), ct);
            Print(report);
            if (parse.GetValue(output) is { } json)
                await ResultFiles.WriteTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), ct);
            if (parse.GetValue(markdown) is { } md) await ResultFiles.WriteTextAsync(md, Markdown(report), ct);
            return report.Endpoints.Sum(e => e.Errors) == 0 ? 0 : 1;
        });
        return command;
    }

    static void Print(LoadReport r)
    {
        var table = new Table().Title($"{r.Clients} clients, {r.Seconds:F0} s, {r.RunsSeen} runs / {r.SweepsSeen} sweeps at {Markup.Escape(r.Url)}");
        foreach (var c in new[] { "endpoint", "requests", "req/s", "p50 ms", "p95 ms", "max ms", "errors" }) table.AddColumn(c);
        foreach (var e in r.Endpoints)
            table.AddRow(e.Endpoint, e.Requests.ToString(), F(e.PerSecond), F(e.P50Ms), F(e.P95Ms), F(e.MaxMs), e.Errors.ToString());
        AnsiConsole.Write(table);
        foreach (var e in r.Endpoints.Where(e => e.FirstError is not null))
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Endpoint)}[/]: first error {Markup.Escape(e.FirstError!)}");
    }

    public static string Markdown(LoadReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{r.Clients} concurrent clients for {r.Seconds:F0} s; {r.RunsSeen} runs in {r.SweepsSeen} sweeps.").AppendLine();
        sb.AppendLine("| endpoint | requests | req/s | p50 ms | p95 ms | max ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var e in r.Endpoints)
            sb.AppendLine($"| {e.Endpoint} | {e.Requests} | {F(e.PerSecond)} | {F(e.P50Ms)} | {F(e.P95Ms)} | {F(e.MaxMs)} | {e.Errors} |");
        return sb.ToString();
    }

    static string F(double v) => double.IsFinite(v) ? v.ToString(v < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) : "–";
}
