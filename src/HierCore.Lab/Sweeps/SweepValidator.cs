using System.Globalization;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Sweeps;

/// <summary>The one set of rules shared by the form and the API; each message names the field.</summary>
public static class SweepValidator
{
    public static List<string> Validate(SweepRequest r, IReadOnlyCollection<string> knownDatasets)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(r.Dataset))
            errors.Add("Dataset: choose a dataset.");
        else if (!knownDatasets.Contains(r.Dataset.Trim(), StringComparer.OrdinalIgnoreCase))
            errors.Add($"Dataset: '{r.Dataset}' is not a known dataset ({string.Join(", ", knownDatasets)}).");

        if (r.Methods.Count == 0) errors.Add("Methods: choose at least one method.");
        foreach (var m in r.Methods.Where(m => !MethodCatalog.All.Contains(m)))
            errors.Add($"Methods: unknown method '{m}' (use {string.Join(", ", MethodCatalog.All)}).");

        if (r.Scenarios.Count == 0) errors.Add("Scenarios: choose at least one scenario.");
        foreach (var s in r.Scenarios.Where(s => !(Enum.TryParse<Scenario>(s, true, out var v) && Enum.IsDefined(v))))
            errors.Add($"Scenarios: unknown scenario '{s}' (use S1, S2, S3 or S4).");

        if (r.Seeds.Count == 0) errors.Add("Seeds: give at least one seed.");
        if (r.Seeds.Any(s => s < 0)) errors.Add("Seeds: seeds must be non-negative.");
        if (r.Seeds.Distinct().Count() > SweepPlanner.MaxSeeds) errors.Add($"Seeds: at most {SweepPlanner.MaxSeeds} seeds.");

        if (!(r.CoresetRatio > 0 && r.CoresetRatio <= 1))
            errors.Add($"Coreset ratio: must be in (0, 1] (got {r.CoresetRatio.ToString(CultureInfo.InvariantCulture)}).");
        if (!MethodCatalog.Embeddings.Contains(r.Embedding))
            errors.Add($"Embedding: use {string.Join(" or ", MethodCatalog.Embeddings)} (got '{r.Embedding}').");
        if (!(r.Lambda > 0 && r.Lambda <= 20))
            errors.Add($"λ: must be in (0, 20] (got {r.Lambda.ToString(CultureInfo.InvariantCulture)}).");
        if (!IsGrouping(r.Grouping))
            errors.Add($"Grouping: use silhouette, k:K (K ≥ 1) or ward:T (T > 0) (got '{r.Grouping}').");
        if (!IsCriterion(r.Criterion))
            errors.Add($"Criterion: use leave-image-out or folds:F (F ≥ 2) (got '{r.Criterion}').");
        if (!MethodCatalog.Routings.Contains(r.Routing))
            errors.Add($"Routing: use {string.Join(" or ", MethodCatalog.Routings)} (got '{r.Routing}').");
        return errors;
    }

    public static bool IsGrouping(string? g)
    {
        g = g?.Trim() ?? "";
        if (g == "silhouette") return true;
        if (g.StartsWith("k:")) return int.TryParse(g[2..], CultureInfo.InvariantCulture, out var k) && k >= 1;
        if (g.StartsWith("ward:")) return double.TryParse(g[5..], CultureInfo.InvariantCulture, out var t) && t > 0;
        return false;
    }

    public static bool IsCriterion(string? c)
    {
        c = c?.Trim() ?? "";
        if (c == "leave-image-out") return true;
        return c.StartsWith("folds:") && int.TryParse(c[6..], CultureInfo.InvariantCulture, out var f) && f >= 2;
    }
}
