using HierCore.Engine.Contracts;
using HierCore.Engine.Sweeps;

namespace HierCore.Engine.Tests.Sweeps;

public sealed class SweepPlannerTests
{
    static SweepDefinition Issue13 => new()
    {
        Datasets = ["demo"], Methods = ["hiercore"], Scenarios = ["S1", "S4"], Seeds = [0],
        Grid = new Dictionary<string, IReadOnlyList<string>> { ["coreset_ratio"] = ["0.01", "0.02"], ["criterion"] = ["leave-image-out", "folds:3"] },
    };

    [Fact]
    public void The_issue_grid_expands_to_eight_runs_with_every_combination_once()
    {
        var plan = SweepPlanner.Plan(Issue13);
        Assert.True(plan.IsValid, string.Join(" ", plan.Errors));
        Assert.Equal(8, plan.Runs.Count);
        Assert.Equal(8, plan.Runs.Select(r => (r.Scenario, r.CoresetRatio, r.Criterion)).Distinct().Count());
        Assert.All(plan.Runs, r => Assert.Equal(("demo", "hiercore", 0), (r.Dataset, r.Method, r.Seed)));
        Assert.Equal(["coreset_ratio", "criterion"], plan.Varied.Select(v => v.Setting.Name));
        // Settings left out of the grid keep RunSpec's defaults.
        Assert.All(plan.Runs, r => Assert.Equal(new RunSpec { Dataset = "x", Method = "x", Scenario = Scenario.S1 }.Lambda, r.Lambda));
    }

    [Fact]
    public void Runs_that_share_a_coreset_follow_each_other_so_the_cache_keeps_it()
    {
        var plan = SweepPlanner.Plan(Issue13 with { Grid = new Dictionary<string, IReadOnlyList<string>> { ["criterion"] = ["leave-image-out", "folds:3"], ["coreset_ratio"] = ["0.01", "0.02"] } });
        // Coreset ratio (changes the bank) is the outer axis whatever the order given; criterion varies inside it.
        Assert.Equal([0.01, 0.01, 0.01, 0.01, 0.02, 0.02, 0.02, 0.02], plan.Runs.Select(r => r.CoresetRatio));
    }

    [Fact]
    public void Several_datasets_multiply_the_plan_and_not_applicable_pairs_are_listed_not_counted()
    {
        var plan = SweepPlanner.Plan(new SweepDefinition
        {
            Datasets = ["demo", "textures"], Methods = ["patchcore", "patchcore-oc"], Scenarios = ["S1", "S3"], Seeds = [0, 1],
            Grid = new Dictionary<string, IReadOnlyList<string>> { ["lambda"] = ["2", "3", "4"] },
        });
        Assert.Equal(2 * 3 * 2 * 3, plan.Runs.Count); // datasets × applicable pairs (3) × seeds × λ
        Assert.Equal(plan.Runs.Count, plan.Count);
        var na = Assert.Single(plan.NotApplicable);
        Assert.Equal(("patchcore-oc", "S3"), (na.Method, na.Scenario));
    }

    [Fact]
    public void The_run_limit_applies_to_the_whole_product_before_expanding()
    {
        var grid = new Dictionary<string, IReadOnlyList<string>>
        {
            ["coreset_ratio"] = Enumerable.Range(1, 10).Select(i => (i / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            ["lambda"] = Enumerable.Range(1, 10).Select(i => i.ToString()).ToList(),
        };
        var plan = SweepPlanner.Plan(Issue13 with { Grid = grid }, maxRuns: 150);
        Assert.False(plan.IsValid);
        Assert.Empty(plan.Runs);
        Assert.Equal(200, plan.Count);
        Assert.Contains(plan.Errors, e => e.Contains("200 runs") && e.Contains("150"));
    }

    [Fact]
    public void Every_bad_value_and_unknown_setting_is_named_before_anything_runs()
    {
        var plan = SweepPlanner.Plan(Issue13 with
        {
            Datasets = [],
            Grid = new Dictionary<string, IReadOnlyList<string>>
            {
                ["coreset_ratio"] = ["0.1", "1.5", "abc"], ["criterion"] = ["folds:1"], ["colour"] = ["red"], ["reweighting"] = ["maybe"],
            },
        });
        Assert.False(plan.IsValid);
        Assert.Contains(plan.Errors, e => e.StartsWith("Dataset"));
        Assert.Contains(plan.Errors, e => e.Contains("Coreset ratio") && e.Contains("1.5"));
        Assert.Contains(plan.Errors, e => e.Contains("Coreset ratio") && e.Contains("'abc' is not a number"));
        Assert.Contains(plan.Errors, e => e.Contains("Criterion") && e.Contains("folds:1"));
        Assert.Contains(plan.Errors, e => e.Contains("unknown setting 'colour'"));
        Assert.Contains(plan.Errors, e => e.Contains("Reweighting") && e.Contains("true or false"));
    }

    [Fact]
    public void Every_registered_setting_can_be_a_grid_axis_and_a_single_value_still_works()
    {
        foreach (var setting in RunSettings.Gridable)
        {
            // Any spelling of the name: snake_case, the CLI's, camelCase.
            foreach (var name in new[] { setting.Name, setting.Option[2..], string.Concat(setting.Name.Split('_').Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])) })
            {
                var plan = SweepPlanner.Plan(Issue13 with { Grid = new Dictionary<string, IReadOnlyList<string>> { [name] = [setting.Default] } });
                Assert.True(plan.IsValid, $"{setting.Name} as '{name}': {string.Join(" ", plan.Errors)}");
                Assert.Equal(2, plan.Runs.Count);
                Assert.All(plan.Runs, r => Assert.Equal(setting.Default, setting.Format(r)));
            }
        }
    }

    [Fact]
    public void Equal_values_in_other_spellings_are_one_value()
    {
        var plan = SweepPlanner.Plan(Issue13 with { Grid = new Dictionary<string, IReadOnlyList<string>> { ["coreset_ratio"] = ["0.1", "0.10", " .1"] } });
        Assert.Equal(2, plan.Runs.Count);
    }
}
