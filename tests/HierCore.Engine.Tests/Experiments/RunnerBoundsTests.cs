using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;

namespace HierCore.Engine.Tests.Experiments;

/// <summary>The runner checks the bounds that need the dataset as soon as it is loaded, before any feature.</summary>
[Collection("tiny demo")]
public class RunnerBoundsTests(TinyDemo demo)
{
    [Fact]
    public async Task Folds_above_the_smallest_class_fail_before_any_feature_is_extracted()
    {
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var spec = new RunSpec { Dataset = demo.DatasetPath, Method = "patchcore-oc", Scenario = Scenario.S1, Device = "cpu", Criterion = "folds:7" };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(spec, null, CancellationToken.None));
        Assert.Contains("folds:7", e.Message);
        Assert.Contains("has 6", e.Message);   // the tiny demo's classes have 6 training images each
        Assert.Equal(0, runner.Features.Extracted);
    }
}
