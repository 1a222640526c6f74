using System.CommandLine;
using System.Diagnostics;
using HierCore.Cli.Output;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;
using HierCore.Engine.Sweeps;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>
/// `hiercore sweep`: datasets × methods × scenarios × seeds × a grid of settings, planned by the engine's one
/// planner, sharing features and banks between runs.
/// </summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var common = new CommonOptions(lists: true);
        var methods = new Option<string>("--methods") { Description = "Comma-separated methods", DefaultValueFactory = _ => string.Join(',', MethodCatalog.Names) };
        var scenarios = new Option<string>("--scenarios") { Description = "Comma-separated scenarios, or all", DefaultValueFactory = _ => "all" };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds or a range (0-4)", DefaultValueFactory = _ => "0" };
        var grid = new Option<string[]>("--grid")
        {
            Description = "A grid axis: setting=v1,v2 (e.g. coreset-ratio=0.01,0.1 or criterion=leave-image-out,folds:5); repeat for more axes",
            AllowMultipleArgumentsPerToken = false,
        };
        var maxRuns = new Option<int>("--max-runs") { Description = "Refuse a sweep of more runs than this", DefaultValueFactory = _ => SweepPlanner.DefaultMaxRuns };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (run count, not-applicable pairs) and stop" };
        var output = new Option<string?>("--out") { Description = "Write sweep.json here" };
        var markdown = new Option<string?>("--markdown") { Description = "Write the tables as Markdown here" };
        var command = new Command("sweep", "Run every valid dataset × method × scenario × seed × grid combination and print the study tables.")
            { methods, scenarios, seeds, grid, maxRuns, dryRun, output, markdown };
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            SweepDefinition definition;
            try { definition = Define(common, parse, parse.GetValue(methods)!, parse.GetValue(scenarios)!, parse.GetValue(seeds)!, parse.GetValue(grid) ?? []); }
            catch (ArgumentException e) { return ExitCodes.Invalid(e.Message); }
            var plan = SweepPlanner.Plan(definition, parse.GetValue(maxRuns));
            if (!plan.IsValid) return ExitCodes.Invalid(string.Join(" ", plan.Errors));

            AnsiConsole.MarkupLine($"Plan: [bold]{plan.Runs.Count}[/] runs" + (plan.Varied.Count > 0
                ? $" (grid: {Markup.Escape(string.Join(" × ", plan.Varied.Select(v => $"{v.Setting.Name} {{{string.Join(", ", v.Values)}}}")))})" : ""));
            foreach (var na in plan.NotApplicable) AnsiConsole.MarkupLine($"[grey]not applicable: {Markup.Escape(na.Method)} {na.Scenario} — {Markup.Escape(na.Reason)}[/]");
            if (parse.GetValue(dryRun)) return 0;

            using var runner = new ExperimentRunner(common.DataDirectory(parse));
            if (DatasetProblems(plan, runner) is { } problems) return ExitCodes.Invalid(problems);
            var results = new List<RunResult>();
            var clock = Stopwatch.StartNew();
            try
            {
                for (var i = 0; i < plan.Runs.Count; i++)
                {
                    var spec = plan.Runs[i];
                    var title = $"[{i + 1}/{plan.Runs.Count}] {spec.Dataset} {spec.Method} {spec.Scenario} seed {spec.Seed}"
                        + string.Concat(plan.Varied.Select(v => $" {v.Setting.Name}={v.Setting.Format(spec)}"));
                    var result = await ConsoleProgress.RunAsync(title, p => runner.RunAsync(spec, p, ct));
                    AnsiConsole.MarkupLine($"{Markup.Escape(title)}: headline [green]{ResultTables.F(result.Headline)}[/], F1@τ {ResultTables.F(result.Pooled.ImageF1Deployable)} ({result.Timings.TotalS:0.0} s)");
                    results.Add(result);
                    // Rewritten after every run, so a long sweep that is stopped keeps what it finished.
                    if (parse.GetValue(output) is { } partial)
                        await ResultFiles.WriteTextAsync(partial, ResultJson.Serialize(SweepReport.Create(results, plan.NotApplicable, clock.Elapsed.TotalSeconds, runner.Features.Extracted)), ct);
                }
            }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }
            catch (ArgumentException e) { return ExitCodes.Invalid(e.Message); }
            catch (OperationCanceledException) { AnsiConsole.MarkupLine("[yellow]Cancelled.[/]"); return 130; }

            var report = SweepReport.Create(results, plan.NotApplicable, clock.Elapsed.TotalSeconds, runner.Features.Extracted);
            SweepTables.Print(report, plan.Varied.Select(v => v.Setting).ToList());
            if (parse.GetValue(output) is { } json) await ResultFiles.WriteTextAsync(json, ResultJson.Serialize(report), ct);
            if (parse.GetValue(markdown) is { } md) await ResultFiles.WriteTextAsync(md, SweepTables.Markdown(report, plan.Varied.Select(v => v.Setting).ToList()), ct);
            return 0;
        });
        return command;
    }

    /// <summary>Bounds that need the dataset (folds vs the smallest class, …) for every run, before the first starts.</summary>
    static string? DatasetProblems(SweepPlan plan, ExperimentRunner runner)
    {
        var problems = new List<string>();
        foreach (var runs in plan.Runs.GroupBy(r => r.Dataset))
        {
            try
            {
                var dataset = DatasetCatalog.Resolve(runs.Key, runner.DatasetsDirectory);
                problems.AddRange(runs.SelectMany(r => RunSpecValidation.Problems(r, dataset).Select(p => $"{r.Dataset} {r.Method} {r.Scenario}: {p}")));
            }
            catch (DatasetException e) { problems.Add(e.Message); }
        }
        return problems.Count > 0 ? string.Join(Environment.NewLine, problems.Distinct()) : null;
    }

    /// <summary>The sweep the command line asks for: lists from the options, a grid from comma lists and --grid.</summary>
    public static SweepDefinition Define(CommonOptions common, ParseResult parse, string methods, string scenarios, string seeds, IEnumerable<string> gridArgs)
    {
        var grid = new Dictionary<string, IReadOnlyList<string>>();
        var device = RunSettings.Defaults.Device;
        foreach (var (setting, value) in common.Given(parse))
        {
            if (setting.Effect == SettingEffect.Execution) { device = value; continue; }
            grid[setting.Name] = SweepPlanner.SplitList(value);
        }
        foreach (var arg in gridArgs)
        {
            var eq = arg.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--grid '{arg}': use setting=v1,v2 (e.g. coreset-ratio=0.01,0.1).");
            var name = RunSettings.Find(arg[..eq])?.Name ?? arg[..eq].Trim();
            if (grid.ContainsKey(name)) throw new ArgumentException($"--grid: {name} is given twice.");
            grid[name] = SweepPlanner.SplitList(arg[(eq + 1)..]);
        }
        var seedList = SweepPlanner.ParseSeeds(seeds, out var seedError) ?? throw new ArgumentException(seedError);
        return new SweepDefinition
        {
            Datasets = SweepPlanner.SplitList(parse.GetValue(common.Dataset)),
            Methods = SweepPlanner.SplitList(methods),
            Scenarios = scenarios.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
                ? ScenarioExtensions.All.Select(s => s.ToString()).ToList() : SweepPlanner.SplitList(scenarios),
            Seeds = seedList,
            Grid = grid,
            Device = device,
        };
    }
}
