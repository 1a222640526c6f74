using System.CommandLine;
using System.Diagnostics;
using HierCore.Cli.Output;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>`hiercore sweep`: every valid method × scenario × seed on one dataset, sharing features and banks.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var methods = new Option<string>("--methods") { Description = "Comma-separated methods", DefaultValueFactory = _ => string.Join(',', MethodCatalog.Names) };
        var scenarios = new Option<string>("--scenarios") { Description = "Comma-separated scenarios, or all", DefaultValueFactory = _ => "all" };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds", DefaultValueFactory = _ => "0" };
        var output = new Option<string?>("--out") { Description = "Write sweep.json here" };
        var markdown = new Option<string?>("--markdown") { Description = "Write the tables as Markdown here" };
        var command = new Command("sweep", "Run every valid method × scenario × seed combination and print the study tables.") { methods, scenarios, seeds, output, markdown };
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            SweepPlan plan;
            try { plan = SweepPlan.Create(common, parse, parse.GetValue(methods)!, parse.GetValue(scenarios)!, parse.GetValue(seeds)!); }
            catch (ArgumentException e) { return ExitCodes.Invalid(e.Message); }

            foreach (var na in plan.NotApplicable) AnsiConsole.MarkupLine($"[grey]not applicable: {Markup.Escape(na.Method)} {na.Scenario} — {Markup.Escape(na.Reason)}[/]");
            using var runner = new ExperimentRunner(common.DataDirectory(parse));
            var results = new List<RunResult>();
            var clock = Stopwatch.StartNew();
            try
            {
                for (var i = 0; i < plan.Runs.Count; i++)
                {
                    var spec = plan.Runs[i];
                    var title = $"[{i + 1}/{plan.Runs.Count}] {spec.Method} {spec.Scenario} seed {spec.Seed}";
                    var result = await ConsoleProgress.RunAsync(title, p => runner.RunAsync(spec, p, ct));
                    AnsiConsole.MarkupLine($"{Markup.Escape(title)}: headline [green]{ResultTables.F(result.Headline)}[/], F1@τ {ResultTables.F(result.Pooled.ImageF1Deployable)} ({result.Timings.TotalS:0.0} s)");
                    results.Add(result);
                }
            }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }
            catch (ArgumentException e) { return ExitCodes.Invalid(e.Message); }
            catch (OperationCanceledException) { AnsiConsole.MarkupLine("[yellow]Cancelled.[/]"); return 130; }

            var report = SweepReport.Create(results, plan.NotApplicable, clock.Elapsed.TotalSeconds, runner.Features.Extracted);
            SweepTables.Print(report);
            if (parse.GetValue(output) is { } json) await ResultFiles.WriteTextAsync(json, ResultJson.Serialize(report), ct);
            if (parse.GetValue(markdown) is { } md) await ResultFiles.WriteTextAsync(md, SweepTables.Markdown(report), ct);
            return 0;
        });
        return command;
    }
}

/// <summary>The runs a sweep will make, and the pairs it will skip with the reason.</summary>
public sealed record SweepPlan(IReadOnlyList<RunSpec> Runs, IReadOnlyList<NotApplicablePair> NotApplicable)
{
    public static SweepPlan Create(CommonOptions common, ParseResult parse, string methods, string scenarios, string seeds)
    {
        var methodList = methods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToLowerInvariant()).Distinct().ToArray();
        foreach (var m in methodList)
            if (!MethodCatalog.Names.Contains(m)) throw new ArgumentException($"Unknown method '{m}'. Use one of: {string.Join(", ", MethodCatalog.Names)}.");
        var scenarioList = scenarios.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? ScenarioExtensions.All
            : scenarios.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ScenarioExtensions.Parse).Distinct().ToArray();
        var seedList = CommonOptions.ParseInts(seeds);
        if (methodList.Length == 0 || scenarioList.Count == 0 || seedList.Count == 0) throw new ArgumentException("A sweep needs at least one method, scenario and seed.");

        var runs = new List<RunSpec>();
        var skipped = new List<NotApplicablePair>();
        foreach (var m in methodList)
            foreach (var s in scenarioList)
            {
                if (MethodCatalog.NotApplicableReason(m, s) is { } why) { skipped.Add(new NotApplicablePair(m, s.ToString(), why)); continue; }
                runs.AddRange(seedList.Select(seed => common.Spec(parse, m, s, seed)));
            }
        return new SweepPlan(runs, skipped);
    }
}
