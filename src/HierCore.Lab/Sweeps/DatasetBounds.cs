using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;
using HierCore.Engine.Datasets.Catalog;

namespace HierCore.Lab.Sweeps;

/// <summary>
/// The bounds that depend on a dataset's training images (folds:F against the smallest group, k:K against the
/// images), checked at submit so a bad sweep is refused instead of queued to fail run by run. The engine's one
/// validator decides (<see cref="RunSpecValidation.Problems(RunSpec, AnomalyDataset)"/>); the Lab only hands it
/// the catalog's class counts in place of a loaded dataset.
/// </summary>
public static class DatasetBounds
{
    /// <summary>One message per problem, naming the dataset and the method × scenario pairs it concerns.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<RunSpec> runs, IReadOnlyDictionary<string, DatasetInfo> datasets)
    {
        var layouts = new Dictionary<string, AnomalyDataset>();
        var found = new List<(string Dataset, string Problem, string Pair)>();
        // Seeds never change a bound: validate each distinct configuration once (a form re-plans on every key).
        foreach (var spec in runs.Select(r => r with { Seed = 0 }).Distinct())
        {
            if (!datasets.TryGetValue(spec.Dataset, out var info)) continue;
            if (!layouts.TryGetValue(spec.Dataset, out var layout)) layouts[spec.Dataset] = layout = Layout(info);
            foreach (var problem in RunSpecValidation.Problems(spec, layout))
                found.Add((info.Name, problem, $"{MethodCatalog.DisplayName(spec.Method)} in {spec.Scenario}"));
        }
        return found.GroupBy(f => (f.Dataset, f.Problem))
            .Select(g => $"{g.Key.Problem.TrimEnd('.')} (dataset '{g.Key.Dataset}': {string.Join(", ", g.Select(f => f.Pair).Distinct())}).")
            .ToList();
    }

    /// <summary>The dataset as the validator sees it: its classes and one training sample per training image (no files read).</summary>
    public static AnomalyDataset Layout(DatasetInfo info) => new(
        info.Name, info.Root, info.Format, info.Classes.Select(c => c.Name).ToList(),
        info.Classes.SelectMany(c => Enumerable.Range(0, c.Train)
            .Select(i => new ImageSample(c.Name, Split.Train, Path.Combine(info.Root, c.Name, "train", "good", $"{i}"), null, false, "good"))).ToList(),
        []);
}
