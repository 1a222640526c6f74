using HierCore.Engine.Contracts;
using HierCore.Engine.Sweeps;
using HierCore.Lab.Datasets;

namespace HierCore.Lab.Sweeps;

/// <summary>A plan from the engine's planner, and the Lab's dataset name of each dataset a run spec names.</summary>
public sealed record LabSweepPlan(SweepPlan Plan, IReadOnlyDictionary<string, string> DatasetNames)
{
    public bool IsValid => Plan.IsValid;
    public IReadOnlyList<HierCore.Engine.Contracts.RunSpec> Runs => Plan.Runs;
    public IReadOnlyList<string> Errors => Plan.Errors;
    public string DatasetName(string specDataset) => DatasetNames.TryGetValue(specDataset, out var n) ? n : specDataset;
}

/// <summary>
/// A Lab request planned by the engine's one planner: the Lab adds only what a web request has beyond the CLI's
/// (dataset names resolved by the catalog, the name field, JSON values); the grid, lists and limits are the engine's.
/// </summary>
public static class SweepPlanning
{
    public static LabSweepPlan Plan(SweepRequest request, Func<string, DatasetChoice> resolve, string device, int maxRuns)
    {
        var errors = new List<string>();
        if (request.Name is { Length: > SweepRequest.MaxTextLength }) errors.Add($"Name: at most {SweepRequest.MaxTextLength} characters.");
        var names = new Dictionary<string, string>();
        var datasets = (request.Dataset ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (datasets.Count > SweepPlanner.MaxListItems) { errors.Add($"Dataset: at most {SweepPlanner.MaxListItems} entries."); datasets.Clear(); }
        foreach (var d in datasets)
        {
            var choice = resolve(d);
            if (choice.Error is not null) errors.Add(choice.Error);
            else names[choice.SpecDataset!] = choice.Name!;
        }
        var definition = request.ToDefinition(datasets.Count == 0 ? [] : names.Keys.Count > 0 ? names.Keys : ["?"], device, errors);
        var plan = SweepPlanner.Plan(definition, maxRuns);
        if (errors.Count > 0) plan = plan with { Runs = [], Errors = [.. errors, .. plan.Errors] };
        return new LabSweepPlan(plan, names);
    }

    /// <summary>Plans against a fixed list of dataset names (tests, previews).</summary>
    public static LabSweepPlan Plan(SweepRequest request, IReadOnlyCollection<string> knownDatasets, string device = RunSpecDefaults.Device, int maxRuns = SweepPlanner.DefaultMaxRuns) =>
        Plan(request, d => knownDatasets.Contains(d.Trim(), StringComparer.OrdinalIgnoreCase)
            ? new DatasetChoice(d.Trim(), d.Trim(), null)
            : DatasetChoice.Fail($"Dataset: '{SweepRequest.Clip(d)}' is not a known dataset ({string.Join(", ", knownDatasets)})."), device, maxRuns);
}
