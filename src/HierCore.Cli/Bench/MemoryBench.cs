using System.Diagnostics;
using System.Text.Json;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Features;

namespace HierCore.Cli.Bench;

/// <summary>bench-memory.json: peak memory against the number of classes, measured in one run (snake_case keys).</summary>
public sealed record MemoryBenchReport
{
    public required string Machine { get; init; }
    public required string Embedding { get; init; }
    public double CoresetRatio { get; init; }
    public int TrainPerClass { get; init; }
    public int TestPerClass { get; init; }
    public required IReadOnlyList<MemoryPoint> Points { get; init; }
    /// <summary>peak_rss_group_bytes at the most classes over that at the fewest (1.0 = flat).</summary>
    public double GroupGrowth { get; init; }
    /// <summary>An identical sweep (patchcore-oc and hiercore, S1 and S2) run twice, each in a new process.</summary>
    public double BankStoreColdS { get; init; }
    public double BankStoreWarmS { get; init; }
    public int BankStoreWarmCoresetsBuilt { get; init; }
    public int BankStoreWarmBanksLoaded { get; init; }
    public bool BankStoreWarmIdentical { get; init; }
}

/// <param name="PeakRssGroupBytes">Peak RSS of a process running patchcore-oc S1 (one bank per class).</param>
/// <param name="PeakRssUnifiedBytes">Peak RSS of a process running patchcore S1 (one bank over every image).</param>
/// <param name="FeatureBytesFp16">The dataset's patch features (train + test) at float16.</param>
/// <param name="UnifiedBudgetBytes">1.5 × feature_bytes_fp16 + 1 GiB: the unified run's target ceiling.</param>
/// <param name="Pooled1024Ips">Images per second of the cold extraction (decode → backbone → embedding → cache write).</param>
public sealed record MemoryPoint(int Classes, int TrainImages, int TestImages, long FeatureBytesFp16, long PeakRssGroupBytes,
    long PeakRssUnifiedBytes, long UnifiedBudgetBytes, double Pooled1024Ips);

/// <summary>
/// Memory against dataset size: generated demo datasets of C classes with the same images per class, each method
/// run in a child process (`hiercore run`) so the peak RSS it reports is that run's own, not the bench's.
/// </summary>
public static class MemoryBench
{
    const string Embedding = "pooled1024";

    public static MemoryBenchReport Run(int[] classCounts, int trainPerClass, int testPerClass, double coresetRatio, string scratch,
        Action<string> log, CancellationToken ct)
    {
        var points = new List<MemoryPoint>();
        foreach (var c in classCounts)
        {
            var data = Path.Combine(scratch, $"c{c}");
            var dataset = new DataLayout(data).Dataset($"demo-c{c}");
            var classes = DemoSize.AllClasses.Take(c).ToArray();
            DemoDatasetGenerator.Generate(dataset, seed: 0,
                new DemoSize(Train: trainPerClass, TestGood: testPerClass / 2, TestDefective: testPerClass - testPerClass / 2, Classes: classes));
            log($"C = {c}: patchcore-oc S1 in a child process (cold features)…");
            var group = RunChild(data, dataset, "patchcore-oc", coresetRatio, ct);
            log($"C = {c}: patchcore S1 in a child process…");
            var unified = RunChild(data, dataset, "patchcore", coresetRatio, ct);
            var (train, test) = (c * trainPerClass, c * testPerClass);
            var fp16 = FeatureBytesFp16(train + test);
            points.Add(new MemoryPoint(c, train, test, fp16, group.PeakRss, unified.PeakRss, (long)(1.5 * fp16) + (1L << 30),
                group.Extracted / Math.Max(1e-9, group.FeaturesS)));
        }

        var first = Path.Combine(scratch, $"c{classCounts[0]}");
        var firstDataset = new DataLayout(first).Dataset($"demo-c{classCounts[0]}");
        log("identical sweep twice (bank store cold, then warm), each in a new process…");
        var sweepData = Path.Combine(scratch, "sweep");
        CopyFolder(new DataLayout(first).FeatureCache, new DataLayout(sweepData).FeatureCache); // warm features, empty bank store
        var cold = SweepChild(sweepData, firstDataset, coresetRatio, "cold", ct);
        var warm = SweepChild(sweepData, firstDataset, coresetRatio, "warm", ct);
        return new MemoryBenchReport
        {
            Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            Embedding = Embedding,
            CoresetRatio = coresetRatio,
            TrainPerClass = trainPerClass,
            TestPerClass = testPerClass,
            Points = points,
            GroupGrowth = (double)points[^1].PeakRssGroupBytes / points[0].PeakRssGroupBytes,
            BankStoreColdS = cold.Seconds,
            BankStoreWarmS = warm.Seconds,
            BankStoreWarmCoresetsBuilt = warm.CoresetsBuilt,
            BankStoreWarmBanksLoaded = warm.BanksLoaded,
            BankStoreWarmIdentical = cold.Outcomes == warm.Outcomes,
        };
    }

    static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Patches per image (the layer2 grid of a 224 crop: 28 × 28) × Dim × 2 bytes.</summary>
    static long FeatureBytesFp16(int images) => (long)images * 28 * 28 * PatchEmbedder.Create(Embedding).Dim * 2;

    sealed record ChildRun(long PeakRss, double FeaturesS, int Extracted);

    static ChildRun RunChild(string dataDirectory, string dataset, string method, double ratio, CancellationToken ct)
    {
        var json = Path.Combine(dataDirectory, $"{method}.json");
        Child(["run", "--data-dir", dataDirectory, "--dataset", dataset, "--method", method, "--scenario", "S1",
            "--embedding", Embedding, "--coreset-ratio", ratio.ToString("R"), "--device", "cpu", "--out", json], ct);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var r = doc.RootElement;
        return new ChildRun(r.GetProperty("memory").GetProperty("peak_rss_bytes").GetInt64(),
            r.GetProperty("timings").GetProperty("features_s").GetDouble(), r.GetProperty("features_extracted").GetInt32());
    }

    sealed record SweepOutcome(double Seconds, int CoresetsBuilt, int BanksLoaded, string Outcomes);

    static SweepOutcome SweepChild(string dataDirectory, string dataset, double ratio, string label, CancellationToken ct)
    {
        var json = Path.Combine(dataDirectory, $"sweep-{label}.json");
        var clock = Stopwatch.StartNew();
        Child(["sweep", "--data-dir", dataDirectory, "--dataset", dataset, "--methods", "patchcore-oc,hiercore", "--scenarios", "S1,S2",
            "--embedding", Embedding, "--coreset-ratio", ratio.ToString("R"), "--device", "cpu", "--out", json], ct);
        var seconds = clock.Elapsed.TotalSeconds;
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        // What must not change between the two sweeps: every run's headline, per-class metrics and criteria.
        var outcomes = string.Join("\n", runs.Select(r => $"{r.GetProperty("headline").GetRawText()}|{r.GetProperty("per_class").GetRawText()}|{r.GetProperty("criteria").GetRawText()}"));
        return new SweepOutcome(seconds,
            runs.Sum(r => r.GetProperty("timings").GetProperty("coresets_built").GetInt32()),
            runs.Sum(r => r.GetProperty("timings").GetProperty("banks_loaded").GetArrayLength()),
            outcomes);
    }

    /// <summary>Runs this same hiercore executable with the arguments; throws with its output when it fails.</summary>
    static void Child(string[] arguments, CancellationToken ct)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot locate the hiercore executable.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        using var kill = ct.Register(() => { try { child.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
        var stdout = child.StandardOutput.ReadToEndAsync(ct);
        var stderr = child.StandardError.ReadToEndAsync(ct);
        child.WaitForExit();
        ct.ThrowIfCancellationRequested();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"hiercore {string.Join(' ', arguments)} exited with {child.ExitCode}: {stderr.Result}{stdout.Result[^Math.Min(2000, stdout.Result.Length)..]}");
    }
}
