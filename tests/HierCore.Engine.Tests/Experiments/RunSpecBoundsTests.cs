using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Tests.Experiments;

/// <summary>
/// Every numeric setting has a bound in the one validator, so no spec can start work that cannot end (billions of
/// folds, thousands of K) or that gives a meaningless threshold (λ ≤ 0, ward:0).
/// </summary>
public class RunSpecBoundsTests
{
    static RunSpec Spec(Func<RunSpec, RunSpec> tweak) =>
        tweak(new RunSpec { Dataset = "demo", Method = "hiercore", Scenario = Scenario.S4 });

    public static TheoryData<string, Func<RunSpec, RunSpec>> OutOfRange => new()
    {
        { "Criterion", s => s with { Criterion = "folds:1000000000" } },
        { "Criterion", s => s with { Criterion = $"folds:{CriterionEstimator.MaxFolds + 1}" } },
        { "Grouping", s => s with { Grouping = "k:31" } },
        { "Grouping", s => s with { Grouping = "k:100000" } },
        { "Grouping", s => s with { Grouping = "silhouette:31" } },
        { "Grouping", s => s with { Grouping = "silhouette:2000000000" } },
        { "Grouping", s => s with { Grouping = "ward:0" } },
        { "Grouping", s => s with { Grouping = "ward:Infinity" } },
        { "Grouping", s => s with { Grouping = "ward:NaN" } },
        { "Max clusters", s => s with { MaxClusters = 31 } },
        { "Lambda", s => s with { Lambda = 0 } },
        { "Lambda", s => s with { Lambda = -3 } },
        { "Coreset ratio", s => s with { CoresetRatio = double.NaN } },
        { "Resize/crop", s => s with { Resize = 100_000, Crop = 224 } },
        { "Projection dim", s => s with { ProjectionDim = 1_000_000 } },
        { "Maps per class", s => s with { MapsPerClass = -1 } },
        { "Maps per class", s => s with { MapsPerClass = 1_000_000 } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_out_of_range_setting_is_refused_naming_the_setting(string setting, Func<RunSpec, RunSpec> tweak)
    {
        var problems = RunSpecValidation.Problems(Spec(tweak));
        Assert.Contains(problems, p => p.StartsWith(setting + ":"));
    }

    [Fact]
    public void The_bounds_themselves_are_accepted()
    {
        var spec = Spec(s => s with
        {
            Criterion = $"folds:{CriterionEstimator.MaxFolds}", Grouping = "k:30", MaxClusters = 30, Lambda = 0.5,
            CoresetRatio = 1, Resize = RunSpecValidation.MaxResize, Crop = RunSpecValidation.MaxResize, ProjectionDim = RunSpecValidation.MaxProjectionDim,
            MapsPerClass = 0,
        });
        Assert.Empty(RunSpecValidation.Problems(spec));
        Assert.Empty(RunSpecValidation.Problems(spec with { Grouping = "silhouette:30" }));
        Assert.Empty(RunSpecValidation.Problems(spec with { Grouping = "ward:0.001" }));
    }

    // ---- settings whose bound depends on the dataset: checked as soon as the dataset is loaded ----

    static AnomalyDataset Dataset(params (string Class, int Train)[] classes)
    {
        ImageSample Sample(string c, Split split, int i) => new(c, split, $"/nowhere/{c}/{split}/{i}.png", null, false, "good");
        var train = classes.SelectMany(c => Enumerable.Range(0, c.Train).Select(i => Sample(c.Class, Split.Train, i))).ToList();
        var test = classes.Select(c => Sample(c.Class, Split.Test, 0)).ToList();
        return new AnomalyDataset("synthetic", "/nowhere", "mvtec", classes.Select(c => c.Class).ToList(), train, test);
    }

    [Fact]
    public void Folds_above_the_smallest_class_are_refused_when_classes_are_the_groups()
    {
        var data = Dataset(("big", 12), ("small", 3));
        var spec = new RunSpec { Dataset = "synthetic", Method = "patchcore-oc", Scenario = Scenario.S1, Criterion = "folds:5" };

        var problem = Assert.Single(RunSpecValidation.Problems(spec, data));
        Assert.StartsWith("Criterion:", problem);
        Assert.Contains("'small'", problem);
        Assert.Contains("3", problem);
        Assert.Empty(RunSpecValidation.Problems(spec with { Criterion = "folds:3" }, data));
        // patchcore has one group of all 15 images; hiercore without labels has clusters of unknown size ≤ 15.
        Assert.Empty(RunSpecValidation.Problems(spec with { Method = "patchcore" }, data));
        Assert.Empty(RunSpecValidation.Problems(spec with { Method = "hiercore", Scenario = Scenario.S3 }, data));
        Assert.Contains(RunSpecValidation.Problems(spec with { Method = "hiercore", Scenario = Scenario.S3, Criterion = "folds:16" }, data),
            p => p.StartsWith("Criterion:"));
    }

    [Fact]
    public void A_configuration_where_no_group_can_have_a_criterion_sample_is_refused_before_the_run()
    {
        var singles = Dataset(("a", 1), ("b", 1));
        var s1 = new RunSpec { Dataset = "synthetic", Method = "patchcore-oc", Scenario = Scenario.S1 };
        Assert.Contains(RunSpecValidation.Problems(s1, singles), p => p.Contains("one training image"));
        // Pooled over both classes there are two images: fine for patchcore.
        Assert.Empty(RunSpecValidation.Problems(s1 with { Method = "patchcore" }, singles));
        // One class with one image beside a usable one is fine: it gets the pooled criterion.
        Assert.Empty(RunSpecValidation.Problems(s1, Dataset(("a", 1), ("b", 4))));

        // k:N puts every one of N training images in its own group.
        var five = Dataset(("a", 3), ("b", 2));
        var s4 = new RunSpec { Dataset = "synthetic", Method = "hiercore", Scenario = Scenario.S4, Grouping = "k:5" };
        Assert.Contains(RunSpecValidation.Problems(s4, five), p => p.StartsWith("Grouping:"));
        Assert.Empty(RunSpecValidation.Problems(s4 with { Grouping = "k:4" }, five));
        Assert.Empty(RunSpecValidation.Problems(s4 with { Scenario = Scenario.S1 }, five)); // with labels, groups are classes
    }
}
