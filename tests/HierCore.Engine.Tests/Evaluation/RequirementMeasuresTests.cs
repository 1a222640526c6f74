using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;

namespace HierCore.Engine.Tests.Evaluation;

public class RequirementMeasuresTests
{
    private static RunResult Run(string method, Scenario scenario, int seed, double headline, double pooledF1,
        (string Class, double Auroc)[] perClass, double ratio = 0.1, string grouping = "silhouette") => new()
    {
        Dataset = "toy", Method = method, Scenario = scenario.ToString(), Seed = seed,
        Config = new RunSpec
        {
            Dataset = "toy", Method = method, Scenario = scenario, Seed = seed, CoresetRatio = ratio, Grouping = grouping,
        },
        Headline = headline,
        MeanOverClasses = new MetricSet(),
        Pooled = new MetricSet { ImageF1Deployable = pooledF1 },
        PerClass = perClass.Select(c => new ClassMetrics { Class = c.Class, ImageAuroc = c.Auroc }).ToList(),
        Timings = new Timings(), Memory = new MemoryStats(), Criteria = [],
    };

    private static readonly (string, double)[] Reference0 = [("a", 0.99), ("b", 0.95), ("c", 0.90)];
    private static readonly (string, double)[] Hier0 = [("a", 0.97), ("b", 0.96), ("c", 0.905)];

    private static readonly List<RunResult> Results =
    [
        Run("patchcore-oc", Scenario.S1, 0, 0.95, 0.9, Reference0),
        Run("patchcore-oc", Scenario.S2, 0, 0.93, 0.8, []),
        Run("patchcore-oc", Scenario.S3, 0, double.NaN, double.NaN, []), // not applicable
        Run("hiercore", Scenario.S1, 0, 0.98, 0.90, Hier0),
        Run("hiercore", Scenario.S2, 0, 0.95, 0.80, []),
        Run("hiercore", Scenario.S3, 0, 0.97, 0.85, Hier0),
        Run("hiercore", Scenario.S4, 0, 0.90, 0.70, []),
        Run("hiercore", Scenario.S1, 1, 0.96, 0.90, Hier0),              // seed 1 has no reference run
        Run("hiercore", Scenario.S2, 1, 0.91, 0.85, []),
        Run("hiercore", Scenario.S3, 0, 0.50, 0.10, [("a", 0.5)], grouping: "k:5"), // other variant, same banks
        Run("hiercore", Scenario.S3, 0, 0.60, 0.20, [("a", 0.6)], ratio: 0.2),      // other banks: no reference
    ];

    private static readonly RequirementReport Report = RequirementMeasures.Compute(Results);

    private static R1FidelityRow R1(Scenario s, int seed, double ratio = 0.1, string grouping = "silhouette") =>
        Report.R1PerSeed.Single(r => r.Method == "hiercore" && r.Scenario == s.ToString() && r.Seed == seed
            && r.Variant == RunSettings.VariantKey(new RunSpec
            {
                Dataset = "toy", Method = "hiercore", Scenario = s, CoresetRatio = ratio, Grouping = grouping,
            }));

    [Fact]
    public void R1_by_hand()
    {
        // Δ = (0.99 − 0.97, 0.95 − 0.96, 0.90 − 0.905) = (0.02, −0.01, −0.005).
        var row = R1(Scenario.S3, 0);
        Assert.Equal(3, row.ClassesCompared);
        Assert.Equal(0.005 / 3, row.MeanDelta!.Value, 12);
        Assert.Equal(0.02, row.MaxDelta!.Value, 12);
        Assert.Equal("a", row.WorstClass);
        Assert.Equal(1, row.ClassesBehind);
        Assert.Equal([0.02, -0.01, -0.005], row.Deltas.Select(d => Math.Round(d.Delta, 12)));
    }

    [Fact]
    public void R1_is_null_without_a_matching_reference_or_per_class_values()
    {
        Assert.Null(R1(Scenario.S1, 1).MeanDelta);         // no patchcore-oc S1 for seed 1
        Assert.Null(R1(Scenario.S1, 1).ReferenceVariant);
        Assert.Null(R1(Scenario.S3, 0, ratio: 0.2).MeanDelta); // banks built differently
        Assert.Null(R1(Scenario.S2, 0).MeanDelta);         // no per-class values
        Assert.Equal(0, R1(Scenario.S2, 0).ClassesCompared);
    }

    [Fact]
    public void R1_falls_back_to_a_reference_with_the_same_banks()
    {
        var row = R1(Scenario.S3, 0, grouping: "k:5");
        Assert.Equal(0.99 - 0.5, row.MeanDelta!.Value, 12);
        Assert.NotNull(row.ReferenceVariant);
        Assert.NotEqual(row.Variant, row.ReferenceVariant);
    }

    [Fact]
    public void R2_and_stability_by_hand()
    {
        var row = Report.R2PerSeed.Single(r => r.Method == "hiercore" && r.Seed == 0 && r.HeadlineS1 is not null);
        Assert.Equal(0.03, row.HeadlineDropS1S2!.Value, 12);
        Assert.Equal(0.07, row.HeadlineDropS3S4!.Value, 12);
        Assert.Equal(0.10, row.F1DeployableDropS1S2!.Value, 12);
        Assert.Equal(0.15, row.F1DeployableDropS3S4!.Value, 12);
        Assert.Equal(0.08, row.Stability!.Value, 12);
        Assert.Equal("S1,S2,S3,S4", row.StabilityScenarios);
    }

    [Fact]
    public void Missing_or_not_applicable_scenarios_give_null_drops()
    {
        var oc = Report.R2PerSeed.Single(r => r.Method == "patchcore-oc");
        Assert.Equal(0.02, oc.HeadlineDropS1S2!.Value, 12);
        Assert.Null(oc.HeadlineS3);
        Assert.Null(oc.HeadlineDropS3S4);
        Assert.Equal("S1,S2", oc.StabilityScenarios);
        Assert.Equal(0.02, oc.Stability!.Value, 12);

        var lone = Report.R2PerSeed.Single(r => r.Method == "hiercore" && r.HeadlineS3 == 0.60);
        Assert.Null(lone.Stability); // one scenario is no spread
        Assert.Equal("S3", lone.StabilityScenarios);
    }

    [Fact]
    public void Seeds_are_aggregated_as_mean_and_sample_std()
    {
        var hier = Report.R2.Single(r => r.Method == "hiercore" && r.Variant == RunSettings.VariantKey(Results[3].Config));
        Assert.Equal(2, hier.Seeds);
        // S1 − S2 drops: 0.03 (seed 0), 0.05 (seed 1).
        Assert.Equal(0.04, hier.HeadlineDropS1S2!.Mean, 12);
        Assert.Equal(Math.Sqrt(2 * 0.01 * 0.01), hier.HeadlineDropS1S2.Std!.Value, 12);
        Assert.Equal(1, hier.HeadlineDropS3S4!.N);          // seed 1 has no S3/S4

        var r1 = Report.R1.Single(r => r.Method == "hiercore" && r.Scenario == "S1" && r.Variant == hier.Variant);
        Assert.Equal(1, r1.MeanDelta!.N);                   // only seed 0 has a reference
    }

    [Fact]
    public void Empty_input_gives_an_empty_report()
    {
        var report = RequirementMeasures.Compute([]);
        Assert.Empty(report.R1PerSeed);
        Assert.Empty(report.R2);
    }
}

public class MeanStdTests
{
    [Fact]
    public void Mean_and_sample_std_skip_NaN()
    {
        var m = MeanStd.Of([1, 2, double.NaN, 3, 4]);
        Assert.Equal(2.5, m.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), m.Std!.Value, 12);
        Assert.Equal(4, m.N);
    }

    [Fact]
    public void One_value_has_no_std_and_none_has_no_mean()
    {
        Assert.Null(MeanStd.Of([0.7]).Std);
        Assert.Equal(0.7, MeanStd.Of([0.7]).Mean);
        Assert.Equal(0, MeanStd.Of([]).N);
        Assert.Null(MeanStd.OfPresent([null, null]));
    }

    [Fact]
    public void Format_writes_mean_plus_minus_std_in_the_invariant_culture()
    {
        Assert.Equal("2.000 ± 1.414", MeanStd.Of([1.0, 3.0, double.PositiveInfinity]).Format());
        Assert.Equal("0.70", MeanStd.Of([0.7]).Format("F2"));
        Assert.Equal("n/a", MeanStd.Of([double.NaN]).Format(missing: "n/a"));
    }
}

public class RequirementReportJsonTests
{
    [Fact]
    public void Serializes_snake_case_without_NaN()
    {
        var results = new List<RunResult>
        {
            new()
            {
                Dataset = "toy", Method = "patchcore-oc", Scenario = "S1",
                Config = new RunSpec { Dataset = "toy", Method = "patchcore-oc", Scenario = Scenario.S1 },
                Headline = 0.9, MeanOverClasses = new MetricSet(), Pooled = new MetricSet(),
                PerClass = [new ClassMetrics { Class = "a", ImageAuroc = 0.9 }],
                Timings = new Timings(), Memory = new MemoryStats(), Criteria = [],
            },
        };
        var options = new System.Text.Json.JsonSerializerOptions
        {
            PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        };
        // The default options refuse NaN, so this also proves no NaN reaches the report.
        string json = System.Text.Json.JsonSerializer.Serialize(RequirementMeasures.Compute(results), options);
        Assert.Contains("\"r1_per_seed\"", json);
        Assert.Contains("\"headline_drop_s1_s2\":null", json);
        Assert.Contains("\"classes_behind\":0", json);
    }
}
