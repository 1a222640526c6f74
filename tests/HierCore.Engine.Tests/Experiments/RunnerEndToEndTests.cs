using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Experiments;

namespace HierCore.Engine.Tests.Experiments;

[Collection("tiny demo")]
public class RunnerEndToEndTests(TinyDemo demo)
{
    RunSpec Spec(string method, Scenario scenario) => new() { Dataset = demo.DatasetPath, Method = method, Scenario = scenario, Device = "cpu" };

    [Fact]
    public async Task Two_runs_of_one_spec_give_identical_scores_and_the_second_extracts_no_feature()
    {
        RunResult first, second;
        using (var runner = new ExperimentRunner(demo.DataDirectory)) first = await runner.RunAsync(Spec("patchcore", Scenario.S3), null, CancellationToken.None);
        using (var runner = new ExperimentRunner(demo.DataDirectory)) second = await runner.RunAsync(Spec("patchcore", Scenario.S3), null, CancellationToken.None);

        Assert.Equal(ScoresCsv.Write(first.Scores), ScoresCsv.Write(second.Scores));
        Assert.Equal(0, second.FeaturesExtracted);
        // The second runner is a second process's view: its bank comes from the on-disk store, not a new coreset.
        Assert.Equal(1, first.Timings.CoresetsBuilt + first.Timings.BanksLoaded.Count);
        Assert.Equal(0, second.Timings.CoresetsBuilt);
        Assert.Equal(["all"], second.Timings.BanksLoaded);
        Assert.Equal(3 * 5, first.Scores.Count);
        Assert.Equal(3, first.PerClass.Count);
        Assert.InRange(first.Headline, 0.0, 1.0);
        Assert.Equal(first.PerClass.Average(c => c.ImageAuroc), first.Headline, 9); // S3: mean per-class I-AUROC
        Assert.Null(first.Routing);                                                  // one bank routes nothing
        Assert.True(first.Memory.BankEntries > 0 && first.Memory.BankBytes > 0);
        Assert.NotEmpty(first.Maps);
    }

    [Fact]
    public async Task A_sweep_builds_a_bank_once_and_later_runs_say_they_reused_it()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var s1 = await runner.RunAsync(Spec("patchcore", Scenario.S1) with { Seed = 3 }, null, CancellationToken.None);
        var s2 = await runner.RunAsync(Spec("patchcore", Scenario.S2) with { Seed = 3 }, null, CancellationToken.None);

        Assert.Equal(0, s1.Timings.BanksReused);
        Assert.Equal(1, s2.Timings.BanksReused);
        Assert.Equal(s2.Scores.Count, s2.Timings.ScoresReused);
        Assert.Equal(s1.Timings.BankBuildS, s2.Timings.BankBuildS); // the build time as measured once
        Assert.True(s1.Timings.ScoreMsPerImage > 0);
        Assert.Equal(s1.Timings.ScoreMsPerImage, s2.Timings.ScoreMsPerImage, 9); // the scoring cost as measured, not memo look-ups
        Assert.Equal(s1.Scores.Select(x => x.Score), s2.Scores.Select(x => x.Score)); // one bank, labels unused
    }

    [Fact]
    public async Task Hiercore_without_labels_reports_routing_purity_and_nmi()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var r = await runner.RunAsync(Spec("hiercore", Scenario.S4), null, CancellationToken.None);
        Assert.NotNull(r.Routing);
        Assert.NotNull(r.Routing!.ClusteringPurity);
        Assert.NotNull(r.Routing.ClusteringNmi);
        Assert.Equal(r.Pooled.ImageAuroc, r.Headline, 9);                           // S4: pooled I-AUROC
        Assert.Equal(r.Routing.Groups, r.Criteria.Count);

        // The cluster × class table accounts for every training image (3 classes × 6), one row per cluster.
        var table = r.Routing.Contingency!;
        Assert.Equal(r.Routing.Groups, table.Count);
        Assert.Equal(3, r.Routing.Classes);
        Assert.Equal(18, table.Sum(row => row.Classes.Values.Sum()));
        Assert.All(table, row => Assert.Equal(["disc", "noise", "stripes"], row.Classes.Keys.Order()));
        var oneToOne = table.Count == 3 && table.Select(row => row.Classes.MaxBy(kv => kv.Value).Key).Distinct().Count() == 3;
        Assert.Equal(oneToOne, r.Routing.ClustersMatchClasses);

        // A run with class labels has groups = classes: nothing to tabulate.
        var s1 = await runner.RunAsync(Spec("hiercore", Scenario.S1), null, CancellationToken.None);
        Assert.True(s1.Routing!.ClustersMatchClasses);
        Assert.Null(s1.Routing.Contingency);
    }

    [Fact]
    public async Task Patchcore_oc_without_training_labels_is_not_applicable()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        await Assert.ThrowsAsync<NotApplicableException>(() => runner.RunAsync(Spec("patchcore-oc", Scenario.S3), null, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_dataset_is_a_dataset_error_naming_it()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var e = await Assert.ThrowsAsync<DatasetException>(() => runner.RunAsync(Spec("patchcore", Scenario.S1) with { Dataset = "no-such-dataset" }, null, CancellationToken.None));
        Assert.Contains("no-such-dataset", e.Message);
    }

    [Fact]
    public async Task An_invalid_setting_is_rejected_before_any_work_with_every_problem_named()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(
            Spec("patchcore", Scenario.S1) with { CoresetRatio = 0, Criterion = "folds:1", Routing = "sideways" }, null, CancellationToken.None));
        Assert.Contains("Coreset ratio", e.Message);
        Assert.Contains("Criterion", e.Message);
        Assert.Contains("Routing", e.Message);
    }

    [Fact]
    public async Task Cancellation_stops_a_run_promptly()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        using var cts = new CancellationTokenSource();
        var progress = new InlineProgress<RunProgress>(p => { if (p.Phase == "fit") cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(Spec("hiercore", Scenario.S1) with { Seed = 7 }, progress, cts.Token));
    }
}

[Collection("tiny demo")]
public class GridSharingTests(TinyDemo demo)
{
    RunSpec Spec(string method, Scenario scenario) => new() { Dataset = demo.DatasetPath, Method = method, Scenario = scenario, Device = "cpu", Seed = 11, CoresetRatio = 0.05 };

    [Fact]
    public async Task Runs_that_differ_only_in_criterion_share_coresets_and_raw_scores_and_a_lambda_grid_shares_whole_banks()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var first = await runner.RunAsync(Spec("hiercore", Scenario.S1), null, CancellationToken.None);
        var folds = await runner.RunAsync(Spec("hiercore", Scenario.S1) with { Criterion = "folds:2" }, null, CancellationToken.None);
        var lambda = await runner.RunAsync(Spec("hiercore", Scenario.S1) with { Lambda = 2 }, null, CancellationToken.None);

        var groups = first.Criteria.Count;
        Assert.Equal((0, 0), (first.Timings.CoresetsReused, first.Timings.BanksReused));
        Assert.Equal((groups, 0), (folds.Timings.CoresetsReused, folds.Timings.BanksReused)); // coresets reused, criterion estimated anew
        Assert.Equal(folds.Scores.Count, folds.Timings.ScoresReused);                          // raw scores do not depend on the criterion
        Assert.Equal(first.Scores.Select(s => s.Score), folds.Scores.Select(s => s.Score));
        Assert.NotEqual(first.Criteria.Select(c => c.Std), folds.Criteria.Select(c => c.Std));  // …but the criterion is its own
        Assert.Equal(first.Memory.BankEntries, folds.Memory.BankEntries);
        Assert.Equal((0, groups), (lambda.Timings.CoresetsReused, lambda.Timings.BanksReused)); // λ changes nothing before the verdict
        Assert.Equal(0, runner.Features.Extracted - first.FeaturesExtracted - folds.FeaturesExtracted - lambda.FeaturesExtracted);
        Assert.Equal(0, folds.FeaturesExtracted + lambda.FeaturesExtracted);
        Assert.Equal(groups, runner.Banks.CoresetBuilds);
        Assert.Equal((groups, 0), (first.Timings.CoresetsBuilt, folds.Timings.CoresetsBuilt));

        // The scale is applied to the fitted groups after the cache: a scale grid reuses whole models, criterion its own.
        var robust = await runner.RunAsync(Spec("hiercore", Scenario.S1) with { Scale = "robust" }, null, CancellationToken.None);
        Assert.Equal((0, 0, groups), (robust.Timings.CoresetsBuilt, robust.Timings.CoresetsReused, robust.Timings.BanksReused));
        Assert.Equal(first.Scores.Select(s => s.Score), robust.Scores.Select(s => s.Score));
    }
}
