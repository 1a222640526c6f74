using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Datasets;

namespace HierCore.Lab.Sweeps;

/// <summary>
/// The one set of rules shared by the form and the API; each message names the field. The per-run settings are
/// checked by the engine's RunSpecValidation, so the dashboard, its API and the CLI reject the same things in
/// the same words; the Lab adds only what a sweep has beyond one run (dataset choice, lists, seeds).
/// </summary>
public static class SweepValidator
{
    public const int MaxListItems = 50;
    public const int MaxTextLength = 200;

    public static List<string> Validate(SweepRequest r, DatasetChoice dataset)
    {
        var errors = new List<string>();
        if (dataset.Error is not null) errors.Add(dataset.Error);
        if (r.Name is { Length: > MaxTextLength }) errors.Add($"Name: at most {MaxTextLength} characters.");

        r.Methods ??= []; r.Scenarios ??= []; r.Seeds ??= [];
        if (r.Methods.Count == 0) errors.Add("Methods: choose at least one method.");
        if (r.Methods.Count > MaxListItems) errors.Add($"Methods: at most {MaxListItems} entries.");
        foreach (var m in r.Methods.Where(m => !MethodCatalog.Names.Contains(m)).Distinct().Take(5))
            errors.Add($"Methods: unknown method '{Clip(m)}' (use {string.Join(", ", MethodCatalog.Names)}).");

        if (r.Scenarios.Count == 0) errors.Add("Scenarios: choose at least one scenario.");
        if (r.Scenarios.Count > MaxListItems) errors.Add($"Scenarios: at most {MaxListItems} entries.");
        foreach (var s in r.Scenarios.Where(s => ParseScenario(s) is null).Distinct().Take(5))
            errors.Add($"Scenarios: unknown scenario '{Clip(s)}' (use S1, S2, S3 or S4).");

        if (r.Seeds.Count == 0) errors.Add("Seeds: give at least one seed.");
        if (r.Seeds.Any(s => s < 0)) errors.Add("Seeds: seeds must be non-negative.");
        if (r.Seeds.Distinct().Count() > SweepPlanner.MaxSeeds) errors.Add($"Seeds: at most {SweepPlanner.MaxSeeds} seeds.");

        // One probe spec carries every per-run setting; method and scenario are checked above.
        var probe = ToSpec(r, "demo", MethodCatalog.Names[0], Scenario.S1, 0, "auto");
        errors.AddRange(RunSpecValidation.Problems(probe).Where(p => !p.StartsWith("Method:") && !p.StartsWith("Scenario:")).Select(p => Clip(p, 300)));
        return errors;
    }

    public static Scenario? ParseScenario(string? s) =>
        s is { Length: 2 } && Enum.TryParse<Scenario>(s, true, out var v) && Enum.IsDefined(v) ? v : null;

    public static RunSpec ToSpec(SweepRequest r, string dataset, string method, Scenario scenario, int seed, string device) => new()
    {
        Dataset = dataset, Method = method, Scenario = scenario, Seed = seed,
        CoresetRatio = r.CoresetRatio, Embedding = r.Embedding?.Trim() ?? "", Lambda = r.Lambda,
        Grouping = r.Grouping?.Trim() ?? "", Criterion = r.Criterion?.Trim() ?? "",
        Routing = r.Routing?.Trim() ?? "", Device = device,
    };

    /// <summary>User text echoed in a message is cut short (a hostile request cannot make the answer huge).</summary>
    private static string Clip(string? text, int max = 120) => text is null ? "" : text.Length <= max ? text : text[..max] + "…";
}
