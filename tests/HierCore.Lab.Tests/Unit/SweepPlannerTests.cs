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

    [Theory]
    [InlineData("silhouette", true)] [InlineData("k:3", true)] [InlineData("k:0", false)]
    [InlineData("ward:0.5", true)] [InlineData("ward:-1", false)] [InlineData("kmeans", false)]
    public void Grouping_options_follow_the_method(string grouping, bool valid) =>
        Assert.Equal(valid, SweepValidator.IsGrouping(grouping));

    [Theory]
    [InlineData("leave-image-out", true)] [InlineData("folds:5", true)] [InlineData("folds:1", false)] [InlineData("holdout", false)]
    public void Criterion_options_follow_the_method(string criterion, bool valid) =>
        Assert.Equal(valid, SweepValidator.IsCriterion(criterion));

    [Fact]
    public void Out_of_range_settings_each_get_a_message()
    {
        var errors = SweepValidator.Validate(new SweepRequest { CoresetRatio = 0, Lambda = 50, Embedding = "vit", Routing = "random" }, Known);
        Assert.Contains(errors, e => e.StartsWith("Coreset ratio:"));
        Assert.Contains(errors, e => e.StartsWith("λ:"));
        Assert.Contains(errors, e => e.StartsWith("Embedding:"));
        Assert.Contains(errors, e => e.StartsWith("Routing:"));
    }
}
