using System.Globalization;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Sweeps;

/// <summary>
/// The one sweep planner (CLI, API and form): validates every list and every grid value, counts the runs before
/// expanding, and expands datasets × grid × methods × scenarios × seeds into RunSpecs. Nothing here knows a
/// particular setting: they all come from <see cref="RunSettings"/>.
/// </summary>
public static class SweepPlanner
{
    /// <summary>Default of the Lab's Sweeps:MaxRuns (and the CLI's limit).</summary>
    public const int DefaultMaxRuns = 500;
    public const int MaxSeeds = 20;
    public const int MaxListItems = 50;

    public static SweepPlan Plan(SweepDefinition sweep, int maxRuns = DefaultMaxRuns)
    {
        var errors = new List<string>();
        var datasets = Distinct(sweep.Datasets.Select(d => d.Trim()).Where(d => d.Length > 0));
        var methods = Distinct(sweep.Methods.Select(m => m.Trim().ToLowerInvariant()));
        var scenarios = new List<Scenario>();
        if (datasets.Count == 0) errors.Add("Dataset: give at least one dataset.");
        if (methods.Count == 0) errors.Add("Methods: choose at least one method.");
        foreach (var m in methods.Where(m => !MethodCatalog.Names.Contains(m)).Take(5))
            errors.Add($"Methods: unknown method '{Clip(m)}' (use {string.Join(", ", MethodCatalog.Names)}).");
        foreach (var s in sweep.Scenarios.Distinct())
            if (ScenarioExtensions.TryParse(s) is { } parsed) { if (!scenarios.Contains(parsed)) scenarios.Add(parsed); }
            else errors.Add($"Scenarios: unknown scenario '{Clip(s)}' (use {string.Join(", ", ScenarioExtensions.All)}).");
        if (sweep.Scenarios.Count == 0) errors.Add("Scenarios: choose at least one scenario.");
        var seeds = sweep.Seeds.Distinct().ToList();
        if (seeds.Count == 0) errors.Add("Seeds: give at least one seed.");
        if (seeds.Any(s => s < 0)) errors.Add("Seeds: seeds must be non-negative.");
        if (seeds.Count > MaxSeeds) errors.Add($"Seeds: at most {MaxSeeds} seeds.");
        foreach (var (name, list) in new[] { ("Dataset", datasets.Count), ("Methods", methods.Count), ("Scenarios", sweep.Scenarios.Count) })
            if (list > MaxListItems) errors.Add($"{name}: at most {MaxListItems} entries.");

        var axes = GridAxes(sweep.Grid, errors);
        var deviceProblem = Problems(RunSettings.Find("device")!, sweep.Device);
        if (deviceProblem is not null) errors.Add(deviceProblem);
        scenarios.Sort();

        var notApplicable = (from m in methods.Where(MethodCatalog.Names.Contains)
                             from s in scenarios
                             let why = MethodCatalog.NotApplicableReason(m, s)
                             where why is not null
                             select new NotApplicablePair(m, s.ToString(), why)).ToList();
        var pairs = (from m in methods.Where(MethodCatalog.Names.Contains) from s in scenarios
                     where MethodCatalog.NotApplicableReason(m, s) is null select (m, s)).ToList();
        // Counted before expanding, so an oversized request costs nothing.
        var count = (long)datasets.Count * pairs.Count * seeds.Count * axes.Aggregate(1L, (n, a) => n * Math.Max(1, a.Values.Count));
        var varied = axes.Where(a => a.Values.Count > 1).Select(a => (a.Setting, (IReadOnlyList<string>)a.Values)).ToList();
        if (count > maxRuns)
            errors.Add($"The sweep would queue {count} runs; the limit is {maxRuns} (Sweeps:MaxRuns). Use fewer datasets, methods, scenarios, seeds or grid values.");
        if (errors.Count > 0) return new SweepPlan([], notApplicable, errors, (int)Math.Min(count, int.MaxValue), varied);
        if (pairs.Count == 0)
            return new SweepPlan([], notApplicable, ["Every chosen method/scenario pair is not applicable: nothing to run."], 0, varied);

        var runs = new List<RunSpec>((int)count);
        var device = RunSettings.Find("device")!;
        foreach (var dataset in datasets)
            foreach (var settings in Combinations(axes))
                foreach (var (m, s) in pairs)
                    foreach (var seed in seeds)
                    {
                        var spec = device.With(RunSettings.Defaults with { Dataset = dataset, Method = m, Scenario = s, Seed = seed }, sweep.Device);
                        foreach (var (setting, value) in settings) spec = setting.With(spec, value);
                        runs.Add(spec);
                    }
        return new SweepPlan(runs, notApplicable, [], runs.Count, varied);
    }

    /// <summary>
    /// One axis per grid setting, each value validated on its own, ordered by effect (features first, threshold
    /// last) so that runs sharing features and banks follow each other.
    /// </summary>
    static List<(RunSetting Setting, List<string> Values)> GridAxes(IReadOnlyDictionary<string, IReadOnlyList<string>> grid, List<string> errors)
    {
        var axes = new List<(RunSetting, List<string>)>();
        foreach (var (name, raw) in grid)
        {
            var setting = RunSettings.Find(name);
            if (setting is null || setting.Effect == SettingEffect.Execution)
            {
                errors.Add($"Grid: unknown setting '{Clip(name)}' (use {string.Join(", ", RunSettings.Gridable.Select(s => s.Name))}).");
                continue;
            }
            if (axes.Any(a => a.Item1 == setting)) { errors.Add($"Grid: {setting.Name} is given twice."); continue; }
            var values = new List<string>();
            foreach (var v in raw ?? [])
            {
                if (Problems(setting, v) is { } problem) { errors.Add(problem); continue; }
                var canonical = RunSetting.ToText(setting.Parse(v));
                if (!values.Contains(canonical)) values.Add(canonical);
            }
            if ((raw ?? []).Count == 0) errors.Add($"{setting.Label}: give at least one value.");
            if (values.Count > MaxListItems) errors.Add($"{setting.Label}: at most {MaxListItems} values.");
            axes.Add((setting, values));
        }
        return axes.OrderBy(a => a.Item1.Effect).ThenBy(a => RunSettings.All.ToList().IndexOf(a.Item1)).ToList();
    }

    /// <summary>The problem with one value of one setting (parse, then the engine's own spec validation), or null.</summary>
    public static string? Problems(RunSetting setting, string value)
    {
        RunSpec probe;
        try { probe = setting.With(RunSettings.Defaults with { Dataset = "probe", Method = MethodCatalog.Names[0] }, value); }
        catch (FormatException e) { return e.Message; }
        var problems = RunSpecValidation.Problems(probe);
        return problems.Count == 0 ? null : Clip(string.Join(" ", problems), 300);
    }

    static IEnumerable<List<(RunSetting, string)>> Combinations(List<(RunSetting Setting, List<string> Values)> axes)
    {
        IEnumerable<List<(RunSetting, string)>> acc = [[]];
        foreach (var axis in axes)
            acc = acc.SelectMany(prefix => axis.Values.Select(v => new List<(RunSetting, string)>(prefix) { (axis.Setting, v) })).ToList();
        return acc;
    }

    /// <summary>Parses "0, 1, 2" or "0-4" into seeds; null with a message when malformed.</summary>
    public static List<int>? ParseSeeds(string? text, out string? error)
    {
        error = null;
        var seeds = new List<int>();
        foreach (var part in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length == 2 && int.TryParse(range[0], CultureInfo.InvariantCulture, out var a)
                && int.TryParse(range[1], CultureInfo.InvariantCulture, out var b) && a >= 0 && a <= b && b - a < 1000)
                seeds.AddRange(Enumerable.Range(a, b - a + 1));
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                seeds.Add(seed);
            else
            {
                error = $"Seed '{Clip(part, 40)}' is not a non-negative whole number or a range like 0-4.";
                return null;
            }
        }
        return seeds;
    }

    /// <summary>Splits a comma list ("0.01, 0.1"), dropping empty entries.</summary>
    public static List<string> SplitList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    static List<string> Distinct(IEnumerable<string> items) => items.Distinct().ToList();

    /// <summary>User text echoed in a message is cut short (a hostile request cannot make the answer huge).</summary>
    static string Clip(string? text, int max = 120) => text is null ? "" : text.Length <= max ? text : text[..max] + "…";
}
