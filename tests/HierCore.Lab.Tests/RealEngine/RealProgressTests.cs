using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;
using HierCore.Engine.Experiments;
using HierCore.Lab.Jobs;

namespace HierCore.Lab.Tests.RealEngine;

/// <summary>
/// The progress bar the Lab shows (OverallProgress over the engine's reports) on real engine runs: every phase the
/// engine reports is one the Lab knows, and the bar never moves back.
/// </summary>
public sealed class RealProgressTests : IDisposable
{
    readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "hiercore-progress", Guid.NewGuid().ToString("N")[..12]);

    public RealProgressTests() =>
        DemoDatasetGenerator.Generate(Path.Combine(_dataDirectory, "datasets", "tiny"), seed: 0, RealLabFactory.TinyDemo);

    [Fact]
    public async Task Overall_progress_of_real_runs_never_decreases_and_ends_full()
    {
        using var runner = new ExperimentRunner(_dataDirectory);
        // HierCore without labels clusters, builds several banks and routes; the second run finds the features in
        // memory and skips the features phase, which must not make the bar jump back either.
        foreach (var (method, scenario) in new[] { ("hiercore", Scenario.S4), ("patchcore", Scenario.S1) })
        {
            var reports = new List<RunProgress>();
            var spec = new RunSpec { Dataset = "tiny", Method = method, Scenario = scenario, Device = "cpu", CoresetRatio = 0.05, MapsPerClass = 0 };
            await runner.RunAsync(spec, new InlineProgress<RunProgress>(reports.Add), CancellationToken.None);

            Assert.All(reports, r => Assert.True(RunPhases.IsKnown(r.Phase), $"{method}: engine reported unknown phase '{r.Phase}'"));
            var bar = reports.Select(OverallProgress.Compute).ToList();
            for (var i = 1; i < bar.Count; i++)
                Assert.True(bar[i] >= bar[i - 1],
                    $"{method} {scenario}: progress went back from {bar[i - 1]:F3} ({reports[i - 1]}) to {bar[i]:F3} ({reports[i]})");
            Assert.Equal(1.0, bar[^1], 12);
            Assert.Contains(reports, r => r.Phase == RunPhases.Fit);
            Assert.Contains(reports, r => r.Phase == RunPhases.Score);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
