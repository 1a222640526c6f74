using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Sweeps;

namespace HierCore.Lab.Tests.Unit;

public sealed class SweepPlannerTests
{
    private static readonly string[] Known = ["demo"];

    [Fact]
    public void Every_applicable_method_scenario_seed_becomes_one_run_with_the_settings()
    {
        var plan = SweepPlanner.Plan(new SweepRequest { Seeds = [0, 5], CoresetRatio = 0.25, Lambda = 2, Grouping = "k:4" }, Known);
        Assert.True(plan.IsValid);
        Assert.Equal((3 * 4 - 2) * 2, plan.Runs.Count);
        Assert.Equal([("patchcore-oc", Scenario.S3), ("patchcore-oc", Scenario.S4)], plan.NotApplicable);
        Assert.DoesNotContain(plan.Runs, r => r.Method == "patchcore-oc" && !r.Scenario.TrainLabels());
        Assert.All(plan.Runs, r => Assert.Equal((0.25, 2.0, "k:4"), (r.CoresetRatio, r.Lambda, r.Grouping)));
        Assert.Equal(plan.Runs.Count, plan.Runs.Select(r => (r.Method, r.Scenario, r.Seed)).Distinct().Count());
    }

    [Theory]
    [InlineData("0, 1,2", new[] { 0, 1, 2 })]
    [InlineData("3-5 9", new[] { 3, 4, 5, 9 })]
    [InlineData("", new int[0])]
    public void Seeds_parse_from_lists_and_ranges(string text, int[] expected) =>
        Assert.Equal(expected, SweepPlanner.ParseSeeds(text, out _));

    [Theory]
    [InlineData("1,x")]
    [InlineData("-3")]
    [InlineData("5-2")]
    public void Malformed_seeds_are_rejected_with_the_offending_part(string text)
    {
        Assert.Null(SweepPlanner.ParseSeeds(text, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Out_of_range_settings_each_get_the_engines_message()
    {
        var request = new SweepRequest { CoresetRatio = 0, Lambda = double.NaN, Embedding = "vit", Routing = "random", Grouping = "k:0", Criterion = "folds:1" };
        var errors = SweepValidator.Validate(request, new Datasets.DatasetChoice("demo", "demo", null));
        // The same words the engine (and so the CLI) uses for the same spec.
        var probe = SweepValidator.ToSpec(request, "demo", "patchcore", Scenario.S1, 0, "auto");
        Assert.Equal(RunSpecValidation.Problems(probe), errors);
        foreach (var field in new[] { "Coreset ratio:", "Lambda:", "Embedding:", "Routing:", "Grouping:", "Criterion:" })
            Assert.Contains(errors, e => e.StartsWith(field));
    }

    [Fact]
    public void An_oversized_sweep_is_refused_before_it_is_expanded()
    {
        var request = new SweepRequest { Seeds = [.. Enumerable.Range(0, 20)] }; // 10 applicable pairs × 20 seeds = 200 runs
        Assert.True(SweepPlanner.Plan(request, Known, maxRuns: 200).IsValid);
        var plan = SweepPlanner.Plan(request, Known, maxRuns: 199);
        Assert.Empty(plan.Runs);
        Assert.Contains(plan.Errors, e => e.Contains("200 runs") && e.Contains("199") && e.Contains("Sweeps:MaxRuns"));
    }

    [Fact]
    public void Hostile_lists_get_short_messages()
    {
        var huge = new string('x', 100_000);
        var errors = SweepValidator.Validate(new SweepRequest { Methods = [huge, "<script>alert(1)</script>"], Scenarios = ["S9"], Embedding = huge },
            new Datasets.DatasetChoice("demo", "demo", null));
        Assert.Contains(errors, e => e.StartsWith("Methods: unknown method '<script>"));
        Assert.Contains(errors, e => e.StartsWith("Scenarios: unknown scenario 'S9'"));
        Assert.All(errors, e => Assert.True(e.Length < 400, e[..Math.Min(100, e.Length)]));
    }
}
