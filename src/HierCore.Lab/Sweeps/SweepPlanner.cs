using HierCore.Engine.Methods;
using System.Globalization;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Datasets;

namespace HierCore.Lab.Sweeps;

/// <summary>Validates a sweep request and expands it into one RunSpec per method × scenario × seed.</summary>
public static class SweepPlanner
{
    /// <summary>Default of Sweeps:MaxRuns.</summary>
    public const int DefaultMaxRuns = 500;
    public const int MaxSeeds = 20;

    /// <summary>Plans against a fixed list of dataset names (tests, previews).</summary>
    public static SweepPlan Plan(SweepRequest request, IReadOnlyCollection<string> knownDatasets, string device = "auto", int maxRuns = DefaultMaxRuns) =>
        Plan(request, knownDatasets.Contains(request.Dataset?.Trim() ?? "", StringComparer.OrdinalIgnoreCase)
            ? new DatasetChoice(request.Dataset!.Trim(), request.Dataset.Trim(), null)
            : DatasetChoice.Fail($"Dataset: '{request.Dataset}' is not a known dataset ({string.Join(", ", knownDatasets)})."), device, maxRuns);

    public static SweepPlan Plan(SweepRequest request, DatasetChoice dataset, string device = "auto", int maxRuns = DefaultMaxRuns)
    {
        var errors = SweepValidator.Validate(request, dataset);
        var scenarios = request.Scenarios.Select(SweepValidator.ParseScenario).OfType<Scenario>().Distinct().Order().ToList();
        var methods = request.Methods.Where(MethodCatalog.Names.Contains).Distinct().ToList();
        var seeds = request.Seeds.Distinct().ToList();

        var notApplicable = (from m in methods from s in scenarios where !MethodCatalog.IsApplicable(m, s) select (m, s)).ToList();
        var count = methods.Sum(m => scenarios.Count(s => MethodCatalog.IsApplicable(m, s))) * seeds.Count;
        if (count > maxRuns)
        {
            // Checked before expanding, so an oversized request costs nothing.
            errors.Add($"The sweep would queue {count} runs; the limit is {maxRuns} (Sweeps:MaxRuns). Use fewer methods, scenarios or seeds.");
            return new SweepPlan([], notApplicable, errors);
        }
        var spec = dataset.SpecDataset ?? request.Dataset?.Trim() ?? "";
        var runs = (from m in methods
                    from s in scenarios
                    where MethodCatalog.IsApplicable(m, s)
                    from seed in seeds
                    select SweepValidator.ToSpec(request, spec, m, s, seed, device)).ToList();

        if (errors.Count == 0 && runs.Count == 0)
            errors.Add("Every chosen method/scenario pair is not applicable: nothing to run.");
        return new SweepPlan(runs, notApplicable, errors);
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
                error = $"Seed '{(part.Length > 40 ? part[..40] + "…" : part)}' is not a non-negative whole number or a range like 0-4.";
                return null;
            }
        }
        return seeds;
    }
}
