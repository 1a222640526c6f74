using HierCore.Engine.Features;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Tests.Methods;

/// <summary>Settings whose bound is known only once the groups are formed fail before any bank is built, and
/// clustering stops when the run is cancelled.</summary>
public class FitBoundsTests
{
    [Fact]
    public void Folds_above_a_groups_size_fail_before_any_bank_is_built()
    {
        var (train, labels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 4, anomalousPerClass: 0, seed: 31);
        using var _t = train;
        using var banks = new BankCache();
        var spec = new RunSpec { Dataset = "synthetic", Method = "hiercore", Scenario = Scenario.S4, CoresetRatio = 0.5, ProjectionDim = 8, Criterion = "folds:5", Grouping = "k:2" };
        using var method = new HierCoreMethod();

        var e = Assert.Throws<ArgumentException>(() => method.Fit(train, null, new MethodContext(spec, banks, null, CancellationToken.None)));
        Assert.Contains("folds:5", e.Message);
        Assert.Contains("cluster-0", e.Message);
        Assert.Equal(0, banks.Builds);
    }

    [Fact]
    public void The_folds_estimator_refuses_more_folds_than_images()
    {
        var (train, _, _) = SyntheticFeatures.Make([SyntheticFeatures.TwoScales[0]], perClass: 6, anomalousPerClass: 0, seed: 32);
        using var _t = train;
        foreach (var folds in new[] { 7, int.MaxValue })
        {
            var e = Assert.Throws<ArgumentException>(() =>
                CriterionEstimator.Folds(train, [0, 1, 2, 3, 4, 5], folds, ratio: 1.0, seed: 0, projectionDim: 8, reweighting: false, CancellationToken.None));
            Assert.Contains("6", e.Message);
        }
    }

    [Fact]
    public void Cancelling_while_clustering_stops_the_clustering_itself()
    {
        var (train, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 30, anomalousPerClass: 0, seed: 33);
        using var _t = train;
        using var cts = new CancellationTokenSource();
        // Cancel the moment the method announces clustering (a user pressing Cancel then).
        var progress = new InlineProgress<RunProgress>(p => { if (p.Message?.StartsWith("clustering") == true) cts.Cancel(); });
        var spec = new RunSpec { Dataset = "synthetic", Method = "hiercore", Scenario = Scenario.S4, CoresetRatio = 0.5, ProjectionDim = 8 };
        using var method = new HierCoreMethod();

        Assert.ThrowsAny<OperationCanceledException>(() => method.Fit(train, null, new MethodContext(spec, null, progress, cts.Token)));
        Assert.Null(method.Clustering); // stopped inside clustering, not after it finished
    }

    [Fact]
    public void A_ward_cut_forming_more_groups_than_the_limit_fails_before_any_bank_is_built()
    {
        var (train, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 20, anomalousPerClass: 0, seed: 34);
        using var _t = train;
        using var banks = new BankCache();
        var spec = new RunSpec { Dataset = "synthetic", Method = "hiercore", Scenario = Scenario.S4, CoresetRatio = 0.5, ProjectionDim = 8, Grouping = "ward:0.000001" };
        using var method = new HierCoreMethod();

        var e = Assert.Throws<ArgumentException>(() => method.Fit(train, null, new MethodContext(spec, banks, null, CancellationToken.None)));
        Assert.Contains("ward:0.000001", e.Message);
        Assert.Contains("40 groups", e.Message);
        Assert.Contains("30", e.Message);
        Assert.Equal(0, banks.Builds);
    }
}
