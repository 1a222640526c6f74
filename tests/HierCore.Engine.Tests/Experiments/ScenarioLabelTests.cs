using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Engine.Features;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Tests.Experiments;

/// <summary>A label the scenario withholds never reaches the method (METHOD.md §1.1).</summary>
[Collection("tiny demo")]
public class ScenarioLabelTests(TinyDemo demo)
{
    /// <summary>Records what the runner hands over, then lets real HierCore do the work.</summary>
    sealed class SpyMethod : IAnomalyMethod
    {
        readonly HierCoreMethod _inner = new();
        public IReadOnlyList<string>? FitLabels;
        public IReadOnlyList<string>? ScoreLabels;
        public FeatureSet? Train;
        public string Name => "hiercore";
        public IReadOnlyList<NamedGroup> Groups => _inner.Groups;
        public IReadOnlyList<int> TrainingGroups => _inner.TrainingGroups;
        public FitReport Fit(FeatureSet train, IReadOnlyList<string>? classLabels, MethodContext context) { FitLabels = classLabels; Train = train; return _inner.Fit(train, classLabels, context); }
        public ScoreReport Score(FeatureSet test, IReadOnlyList<string>? classLabels, MethodContext context) { ScoreLabels = classLabels; return _inner.Score(test, classLabels, context); }
        public void Dispose() => _inner.Dispose();
    }

    [Theory]
    [InlineData(Scenario.S1, true, true)]
    [InlineData(Scenario.S2, true, false)]
    [InlineData(Scenario.S3, false, true)]
    [InlineData(Scenario.S4, false, false)]
    public async Task Method_receives_exactly_the_labels_its_scenario_allows(Scenario scenario, bool trainLabels, bool evalLabels)
    {
        SpyMethod? spy = null;
        using var runner = new ExperimentRunner(demo.DataDirectory, _ => spy = new SpyMethod());
        var result = await runner.RunAsync(new RunSpec { Dataset = demo.DatasetPath, Method = "hiercore", Scenario = scenario, Device = "cpu" }, null, CancellationToken.None);

        Assert.NotNull(spy);
        Assert.Equal(trainLabels, spy!.FitLabels is not null);
        Assert.Equal(evalLabels, spy.ScoreLabels is not null);
        if (trainLabels) Assert.Equal(["disc", "noise", "stripes"], spy.FitLabels!.Distinct().Order());
        // Nothing the method can read from the features names a class: keys are content hashes.
        string[] classes = ["disc", "noise", "stripes"];
        Assert.All(spy.Train!.ContentKeys, k => Assert.DoesNotContain(classes, c => k.Contains(c, StringComparison.OrdinalIgnoreCase)));
        Assert.Matches("^[0-9a-fA-F]{16,}$", spy.Train.ContentKeys[0]);
        Assert.Equal(scenario.ToString(), result.Scenario);
    }
}

public class FeatureSetShapeTests
{
    [Fact]
    public void A_feature_set_exposes_features_and_opaque_keys_only()
    {
        var members = typeof(FeatureSet).GetProperties().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["ContentKeys", "Count", "Descriptors", "Dim", "PatchesPerImage", "StoredType"], members);
        Assert.DoesNotContain(typeof(FeatureSet).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic),
            f => f.FieldType.Namespace == "HierCore.Engine.Datasets");
    }
}
