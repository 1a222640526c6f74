using System.Globalization;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Sweeps;

/// <summary>Validates a sweep request and expands it into one RunSpec per method × scenario × seed.</summary>
public static class SweepPlanner
{
    public const int MaxRuns = 500;
    public const int MaxSeeds = 20;

    public static SweepPlan Plan(SweepRequest request, IReadOnlyCollection<string> knownDatasets, string device = "auto")
    {
        var errors = SweepValidator.Validate(request, knownDatasets);
        var scenarios = request.Scenarios
            .Select(s => Enum.TryParse<Scenario>(s, true, out var v) && Enum.IsDefined(v) ? v : (Scenario?)null)
            .OfType<Scenario>().Distinct().Order().ToList();
        var methods = request.Methods.Where(MethodCatalog.All.Contains).Distinct().ToList();
        var seeds = request.Seeds.Distinct().ToList();

        var notApplicable = (from m in methods from s in scenarios where !MethodCatalog.IsApplicable(m, s) select (m, s)).ToList();
        var runs = (from m in methods
                    from s in scenarios
                    where MethodCatalog.IsApplicable(m, s)
                    from seed in seeds
                    select new RunSpec
                    {
                        Dataset = request.Dataset.Trim(), Method = m, Scenario = s, Seed = seed,
                        CoresetRatio = request.CoresetRatio, Embedding = request.Embedding, Lambda = request.Lambda,
                        Grouping = request.Grouping.Trim(), Criterion = request.Criterion.Trim(),
                        Routing = request.Routing, Device = device
                    }).ToList();

        if (errors.Count == 0 && runs.Count == 0)
            errors.Add("Every chosen method/scenario pair is not applicable: nothing to run.");
        if (runs.Count > MaxRuns)
            errors.Add($"The sweep would queue {runs.Count} runs; the limit is {MaxRuns}.");
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
                && int.TryParse(range[1], CultureInfo.InvariantCulture, out var b) && a <= b && b - a < 1000)
                seeds.AddRange(Enumerable.Range(a, b - a + 1));
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                seeds.Add(seed);
            else
            {
                error = $"Seed '{part}' is not a non-negative whole number or a range like 0-4.";
                return null;
            }
        }
        return seeds;
    }
}
