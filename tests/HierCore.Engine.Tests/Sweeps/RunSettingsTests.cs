using HierCore.Engine.Contracts;
using HierCore.Engine.Sweeps;

namespace HierCore.Engine.Tests.Sweeps;

public sealed class RunSettingsTests
{
    [Fact]
    public void Names_are_unique_snake_case_and_options_follow_them()
    {
        Assert.Equal(RunSettings.All.Count, RunSettings.All.Select(s => s.Name).Distinct().Count());
        Assert.All(RunSettings.All, s => Assert.Matches("^[a-z]+(_[a-z]+)*$", s.Name));
        Assert.Equal("--coreset-ratio", RunSettings.Find("coreset_ratio")!.Option);
        Assert.Same(RunSettings.Find("coreset_ratio"), RunSettings.Find("coresetRatio"));
        Assert.Same(RunSettings.Find("coreset_ratio"), RunSettings.Find("--coreset-ratio"));
        Assert.Null(RunSettings.Find("colour"));
    }

    [Fact]
    public void Defaults_are_runspecs_own_and_a_value_round_trips_through_text()
    {
        var spec = new RunSpec { Dataset = "d", Method = "hiercore", Scenario = Scenario.S2 };
        Assert.Equal("0.1", RunSettings.Find("coreset_ratio")!.Default);
        Assert.Equal(spec.Criterion, RunSettings.Find("criterion")!.Default);
        Assert.Equal("false", RunSettings.Find("reweighting")!.Default);
        var changed = RunSettings.Find("lambda")!.With(spec, "2.5");
        Assert.Equal(2.5, changed.Lambda);
        Assert.Equal(3.0, spec.Lambda); // the original is untouched
        Assert.Equal("2.5", RunSettings.Find("lambda")!.Format(changed));
    }

    [Fact]
    public void The_coreset_key_ignores_criterion_and_threshold_but_the_model_key_does_not_ignore_criterion()
    {
        var a = new RunSpec { Dataset = "d", Method = "hiercore", Scenario = Scenario.S1, CoresetRatio = 0.01 };
        var otherCriterion = a with { Criterion = "folds:3" };
        var otherLambda = a with { Lambda = 2 };
        var otherRatio = a with { CoresetRatio = 0.02 };
        string Coreset(RunSpec s) => RunSettings.Key(s, SettingEffect.Coreset);
        string Model(RunSpec s) => RunSettings.Key(s, SettingEffect.Coreset, SettingEffect.Scores, SettingEffect.Criterion);
        Assert.Equal(Coreset(a), Coreset(otherCriterion));
        Assert.Equal(Model(a), Model(otherLambda));
        Assert.NotEqual(Model(a), Model(otherCriterion));
        Assert.NotEqual(Coreset(a), Coreset(otherRatio));
        Assert.NotEqual(Coreset(a), Coreset(a with { Seed = 1 }));
        Assert.NotEqual(Coreset(a), Coreset(a with { Embedding = "pooled1024" }));
    }

    [Fact]
    public void The_variant_tells_apart_every_setting_that_can_change_a_result_and_ignores_seed_maps_and_device()
    {
        var a = new RunSpec { Dataset = "d", Method = "hiercore", Scenario = Scenario.S1 };
        var changed = new Dictionary<string, string>
        {
            ["coreset_ratio"] = "0.02", ["lambda"] = "2.5", ["criterion"] = "folds:3", ["scale"] = "robust", ["grouping"] = "k:3",
            ["max_clusters"] = "4", ["routing"] = "top2", ["embedding"] = "pooled1024", ["reweighting"] = "true", ["resize"] = "128",
            ["crop"] = "112", ["projection_dim"] = "64",
        };
        // Every registered setting that can change a result is in the list above: a new one must be added here too.
        Assert.Equal(RunSettings.All.Where(s => s.Effect is not (SettingEffect.Output or SettingEffect.Execution)).Select(s => s.Name).Order(),
            changed.Keys.Order());
        Assert.All(changed, c => Assert.NotEqual(RunSettings.VariantKey(a), RunSettings.VariantKey(RunSettings.Find(c.Key)!.With(a, c.Value))));
        Assert.Equal(RunSettings.VariantKey(a), RunSettings.VariantKey(a with { Seed = 3, MapsPerClass = 9, Device = "cpu" }));
    }

    [Fact]
    public void The_scores_key_ignores_criterion_scale_grouping_and_threshold_but_not_reweighting()
    {
        var a = new RunSpec { Dataset = "d", Method = "hiercore", Scenario = Scenario.S1 };
        Assert.Equal(RunSettings.ScoresKey(a), RunSettings.ScoresKey(a with { Criterion = "folds:3", Scale = "robust", Grouping = "k:3", Lambda = 2 }));
        Assert.NotEqual(RunSettings.ScoresKey(a), RunSettings.ScoresKey(a with { Reweighting = true }));
        Assert.NotEqual(RunSettings.ScoresKey(a), RunSettings.ScoresKey(a with { ProjectionDim = 64 }));
    }

    [Fact]
    public void The_reproduce_commands_name_only_settings_that_differ_from_the_defaults()
    {
        var spec = new RunSpec { Dataset = "/data/my set", Method = "hiercore", Scenario = Scenario.S4, Seed = 2, CoresetRatio = 0.01, Reweighting = true };
        Assert.Equal("hiercore run --dataset '/data/my set' --method hiercore --scenario S4 --seed 2 --coreset-ratio 0.01 --reweighting",
            ReproduceCommand.Run(spec));
        var sweep = new SweepDefinition
        {
            Datasets = ["demo", "textures"], Methods = ["hiercore"], Scenarios = ["S1", "S4"], Seeds = [0, 1],
            Grid = new Dictionary<string, IReadOnlyList<string>> { ["criterion"] = ["leave-image-out", "folds:3"], ["coreset-ratio"] = ["0.01", "0.02"], ["lambda"] = ["3"], ["routing"] = ["top2"] },
        };
        Assert.Equal("hiercore sweep --dataset demo,textures --methods hiercore --scenarios S1,S4 --seeds 0,1 --grid coreset-ratio=0.01,0.02 --grid criterion=leave-image-out,folds:3 --routing top2",
            ReproduceCommand.Sweep(sweep));
    }
}
