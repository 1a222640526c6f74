using System.Text.Json;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Engine.Sweeps;
using HierCore.Lab.Sweeps;

namespace HierCore.Lab.Tests.Unit;

/// <summary>The Lab's requests go through the engine's planner: lists, single values, JSON spellings, datasets.</summary>
public sealed class SweepPlannerTests
{
    private static readonly string[] Known = ["demo", "textures"];

    [Fact]
    public void Every_applicable_method_scenario_seed_becomes_one_run_with_the_settings()
    {
        var plan = SweepPlanning.Plan(new SweepRequest { Seeds = [0, 5] }.Set("coreset_ratio", 0.25).Set("lambda", 2).Set("grouping", "k:4"), Known);
        Assert.True(plan.IsValid);
        Assert.Equal((3 * 4 - 2) * 2, plan.Runs.Count);
        Assert.Equal([("patchcore-oc", "S3"), ("patchcore-oc", "S4")], plan.Plan.NotApplicable.Select(n => (n.Method, n.Scenario)));
        Assert.All(plan.Runs, r => Assert.Equal((0.25, 2.0, "k:4"), (r.CoresetRatio, r.Lambda, r.Grouping)));
        Assert.Equal(plan.Runs.Count, plan.Runs.Select(r => (r.Method, r.Scenario, r.Seed)).Distinct().Count());
    }

    [Fact]
    public void The_issue_body_in_snake_case_plans_eight_runs_and_single_values_still_work()
    {
        const string body = """{"dataset":["demo"],"methods":["hiercore"],"scenarios":["S1","S4"],"seeds":[0],"coreset_ratio":[0.01,0.02],"criterion":["leave-image-out","folds:3"]}""";
        var request = JsonSerializer.Deserialize<SweepRequest>(body, JsonSerializerOptions.Web)!;
        var plan = SweepPlanning.Plan(request, Known);
        Assert.True(plan.IsValid, string.Join(" ", plan.Errors));
        Assert.Equal(8, plan.Runs.Count);

        const string single = """{"dataset":"textures","methods":"hiercore","scenarios":"S4","seeds":3,"coresetRatio":0.05,"reweighting":true}""";
        var one = SweepPlanning.Plan(JsonSerializer.Deserialize<SweepRequest>(single, JsonSerializerOptions.Web)!, Known);
        var run = Assert.Single(one.Runs);
        Assert.Equal(("textures", 3, 0.05, true), (run.Dataset, run.Seed, run.CoresetRatio, run.Reweighting));
    }

    [Fact]
    public void Two_datasets_double_the_plan_and_an_unknown_one_is_named()
    {
        var request = new SweepRequest { Dataset = ["demo", "textures"], Methods = ["hiercore"], Scenarios = ["S1"] };
        Assert.Equal(["demo", "textures"], SweepPlanning.Plan(request, Known).Runs.Select(r => r.Dataset));
        request.Dataset.Add("nope");
        var plan = SweepPlanning.Plan(request, Known);
        Assert.Empty(plan.Runs);
        Assert.Contains(plan.Errors, e => e.Contains("'nope' is not a known dataset"));
    }

    [Fact]
    public void Out_of_range_settings_each_get_the_engines_message()
    {
        var request = new SweepRequest().Set("coreset_ratio", 0).Set("embedding", "vit").Set("routing", "random").Set("grouping", "k:0").Set("criterion", "folds:1");
        var errors = SweepPlanning.Plan(request, Known).Errors;
        // The same words the engine (and so the CLI) uses for the same spec.
        var probe = new RunSpec { Dataset = "demo", Method = "patchcore", Scenario = Scenario.S1, CoresetRatio = 0, Embedding = "vit", Routing = "random", Grouping = "k:0", Criterion = "folds:1" };
        foreach (var problem in RunSpecValidation.Problems(probe))
            Assert.Contains(problem, errors);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void An_oversized_sweep_is_refused_before_it_is_expanded()
    {
        var request = new SweepRequest { Seeds = [.. Enumerable.Range(0, 20)] }; // 10 applicable pairs × 20 seeds = 200 runs
        Assert.True(SweepPlanning.Plan(request, Known, maxRuns: 200).IsValid);
        request.Set("lambda", 2, 3); // × 2 = 400: the limit applies to the whole product
        var plan = SweepPlanning.Plan(request, Known, maxRuns: 399);
        Assert.Empty(plan.Runs);
        Assert.Equal(400, plan.Plan.Count);
        Assert.Contains(plan.Errors, e => e.Contains("400 runs") && e.Contains("399") && e.Contains("Sweeps:MaxRuns"));
    }

    [Fact]
    public void Hostile_lists_get_short_messages()
    {
        var huge = new string('x', 100_000);
        var request = new SweepRequest { Methods = [huge, "<script>alert(1)</script>"], Scenarios = ["S9"] }.Set("embedding", huge).Set(huge, 1);
        var errors = SweepPlanning.Plan(request, Known).Errors;
        Assert.Contains(errors, e => e.StartsWith("Methods: unknown method '<script>"));
        Assert.Contains(errors, e => e.StartsWith("Scenarios: unknown scenario 'S9'"));
        Assert.All(errors, e => Assert.True(e.Length < 400, e[..Math.Min(100, e.Length)]));
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
}
