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
