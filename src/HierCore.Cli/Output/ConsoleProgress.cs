using HierCore.Engine.Contracts;
using Spectre.Console;

namespace HierCore.Cli.Output;

/// <summary>Progress bars on a terminal; plain phase lines when output is redirected (CI logs).</summary>
public static class ConsoleProgress
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<RunProgress>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            (string Phase, string? Message) last = ("", null);
            var plain = new SyncProgress(p =>
            {
                // One line per new phase or new message; bare done/total updates are left out of logs.
                if (p.Phase == last.Phase && (p.Message is null || p.Message == last.Message)) return;
                last = (p.Phase, p.Message);
                Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {title}: {p.Phase}{(p.Message is null ? "" : " — " + p.Message)}");
            });
            return await work(plain);
        }
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                var progress = new SyncProgress(p =>
                {
                    task.Description = Markup.Escape($"{title}: {p.Phase} {p.Done}/{p.Total}");
                    task.Value = RunPhases.Overall(p); // one bar over the whole run: it only moves forward
                });
                result = await work(progress);
                task.Value = 1;
            });
        return result;
    }

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to a context and reorder).</summary>
    public sealed class SyncProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        readonly object _gate = new();
        public void Report(RunProgress value) { lock (_gate) report(value); }
    }
}
