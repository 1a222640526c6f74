using System.CommandLine;
using HierCore.Cli.Bench;
using HierCore.Cli.Output;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Textures;
using HierCore.Engine.Experiments;
using HierCore.Engine.Memory;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>
/// `hiercore bench`: the machine's matmul ceiling and, in the same run, backbone images/s (TorchSharp vs ONNX
/// Runtime), coreset seconds (straightforward vs fast), nearest-neighbour GFLOP/s and an end-to-end sweep with a
/// cold and a warm feature cache. Targets are reported as ratios, never enforced by timed tests.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Small sizes: finishes in a few minutes on 2 cores" };
        var output = new Option<string?>("--out") { Description = "Write bench.json here" };
        var markdown = new Option<string?>("--markdown") { Description = "Write the table as Markdown here" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory (textures dataset for the full sweep)" };
        var skipSweep = new Option<bool>("--skip-sweep") { Description = "Leave out the end-to-end sweep" };
        var memory = new Option<bool>("--memory") { Description = "Add the memory section (as `hiercore bench memory` with its defaults: several runs in child processes, tens of minutes on 2 cores)" };
        var command = new Command("bench", "Measure speed on this machine, side by side, and report ratios.") { quick, output, markdown, dataDir, skipSweep, memory };
        command.Subcommands.Add(LoadBenchCommand.Create());
        command.Subcommands.Add(MemoryBenchCommand.Create());
        command.SetAction(async (parse, ct) =>
        {
            var report = Measure(parse.GetValue(quick), DataDirectories.Resolve(parse.GetValue(dataDir)), parse.GetValue(skipSweep), ct);
            if (parse.GetValue(memory)) report = report with { Memory = MemoryBenchCommand.Measure(MemoryBenchCommand.Defaults, ct) };
            BenchTables.Print(report);
            if (parse.GetValue(output) is { } json) await ResultFiles.WriteTextAsync(json, ResultJson.Serialize(report), ct);
            if (parse.GetValue(markdown) is { } md) await ResultFiles.WriteTextAsync(md, BenchTables.Markdown(report), ct);
            return 0;
        });
        return command;
    }

    static BenchReport Measure(bool quick, string dataDirectory, bool skipSweep, CancellationToken ct)
    {
        void Log(string s) => AnsiConsole.MarkupLine(Markup.Escape(s));
        var threads = Environment.ProcessorCount;

        Log("nearest-neighbour search and matmul ceiling…");
        var (q, m, d) = quick ? (6272, 8000, 384) : (15680, 20000, 384); // 8 or 20 images of 784 patches vs a bank
        var knn = KnnBenchmark.Run(q, m, d, seed: 0, matmulSize: quick ? 2048 : 4096);

        Log("backbone: TorchSharp vs ONNX Runtime…");
        const int batch = 8;
        var (tsIps, ortIps) = BackboneBench.Run(batch, threads, repeats: quick ? 2 : 5);

        var points = new List<CoresetPoint>();
        foreach (var n in quick ? new[] { 50_000 } : new[] { 50_000, 200_000 })
        {
            Log($"coreset at N = {n:N0}, ratio 0.1: straightforward vs fast…");
            var (naive, fast, identical) = CoresetBenchmark.Run(n, 128, 0.1, seed: 0);
            points.Add(new CoresetPoint(n, (int)Math.Ceiling(0.1 * n), naive, fast, naive / fast, identical));
        }

        SweepBench.Outcome? sweep = null;
        var sweepName = "";
        if (!skipSweep)
        {
            var scratch = Path.Combine(Path.GetTempPath(), $"hiercore-bench-{Environment.ProcessId}");
            try
            {
                var dataset = quick ? SweepBench.QuickDemo(scratch) : TexturesDataset(dataDirectory, Log);
                sweepName = quick ? "demo (reduced: 20 train, 5 good, 8 defective per class)" : dataset;
                Log($"end-to-end sweep on {sweepName}: cold then warm feature cache…");
                sweep = SweepBench.Run(dataset, scratch, Log, ct);
            }
            finally { try { Directory.Delete(scratch, recursive: true); } catch (IOException) { } }
        }

        var largest = points[^1];
        return new BenchReport
        {
            Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            Quick = quick,
            Threads = threads,
            MatmulGflops = knn.MatmulGflops,
            MatmulSize = quick ? 2048 : 4096,
            BackboneBatch = batch,
            BackboneTorchsharpIps = tsIps,
            BackboneOnnxruntimeIps = ortIps,
            BackboneRatio = tsIps / ortIps,
            CoresetNaiveS = largest.NaiveS,
            CoresetFastS = largest.FastS,
            CoresetSpeedup = largest.Speedup,
            CoresetN = largest.N,
            CoresetIdentical = points.All(p => p.Identical),
            CoresetPoints = points,
            KnnGflops = knn.KnnGflops,
            KnnFractionOfMatmul = knn.Fraction,
            KnnShape = $"{q}×{d} queries vs {m}×{d} bank",
            SweepDataset = sweepName,
            SweepRuns = sweep?.Runs ?? 0,
            SweepColdS = sweep?.ColdSeconds ?? double.NaN,
            SweepWarmS = sweep?.WarmSeconds ?? double.NaN,
            FeaturesExtractedCold = sweep?.ExtractedCold ?? 0,
            FeaturesExtractedWarm = sweep?.ExtractedWarm ?? 0,
            PeakRssBytes = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64,
        };
    }

    /// <summary>data/datasets/textures, generated at default size from the installed package when missing.</summary>
    static string TexturesDataset(string dataDirectory, Action<string> log)
    {
        var path = new DataLayout(dataDirectory).Dataset(TexturesGenerator.Name);
        if (TexturesGenerator.IsComplete(path)) return path;
        var source = TexturesSource.Locate() ?? throw new InvalidOperationException(
            "The full bench sweeps the textures dataset: install ufoai-textures (apt-get install ufoai-textures) or run `hiercore datasets make textures --source PATH` first, or use --quick.");
        log($"generating textures from {source}…");
        TexturesGenerator.Generate(new TexturesOptions(source, path));
        return path;
    }
}
