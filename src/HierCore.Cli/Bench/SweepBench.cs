using System.Diagnostics;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;

namespace HierCore.Cli.Bench;

/// <summary>
/// Wall time of a whole 3-method × 4-scenario sweep, once with an empty feature cache (cold) and once more in a
/// fresh runner over the same cache (warm: a new process's view — no features or banks in memory).
/// </summary>
public static class SweepBench
{
    public sealed record Outcome(int Runs, double ColdSeconds, double WarmSeconds, int ExtractedCold, int ExtractedWarm);

    public static Outcome Run(string datasetPath, string scratchDataDirectory, Action<string> log, CancellationToken ct)
    {
        var specs = (from m in MethodCatalog.Names
                     from s in ScenarioExtensions.All
                     where MethodCatalog.NotApplicableReason(m, s) is null
                     select new RunSpec { Dataset = datasetPath, Method = m, Scenario = s, Device = "cpu" }).ToArray();
        var (cold, extractedCold) = Once(specs, scratchDataDirectory, "cold", log, ct);
        var (warm, extractedWarm) = Once(specs, scratchDataDirectory, "warm", log, ct);
        return new Outcome(specs.Length, cold, warm, extractedCold, extractedWarm);
    }

    static (double Seconds, int Extracted) Once(RunSpec[] specs, string dataDirectory, string label, Action<string> log, CancellationToken ct)
    {
        using var runner = new ExperimentRunner(dataDirectory);
        var clock = Stopwatch.StartNew();
        foreach (var spec in specs)
        {
            var r = runner.RunAsync(spec, null, ct).GetAwaiter().GetResult();
            log($"  sweep ({label}) {spec.Method} {spec.Scenario}: headline {r.Headline:0.000} in {r.Timings.TotalS:0.0} s");
        }
        return (clock.Elapsed.TotalSeconds, runner.Features.Extracted);
    }

    /// <summary>The quick bench's dataset: a reduced demo generated into the scratch folder.</summary>
    public static string QuickDemo(string scratchDataDirectory)
    {
        var path = new DataLayout(scratchDataDirectory).Dataset("demo-quick");
        DemoDatasetGenerator.Generate(path, seed: 0, new DemoSize(Train: 20, TestGood: 5, TestDefective: 8));
        return path;
    }
}
