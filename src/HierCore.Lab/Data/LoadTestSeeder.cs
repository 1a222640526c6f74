using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Data;

/// <summary>
/// Load-test mode (config LoadTest:SeedRuns = N): fills a scratch database with N synthetic, finished runs so that
/// `hiercore bench load` measures the pages and the API at a realistic size. Every synthetic sweep's name starts
/// with <see cref="Marker"/>. It refuses the repository's own data/ folder and any database that holds a sweep
/// that is not synthetic, so a user's results are never mixed with made-up numbers.
/// </summary>
public static class LoadTestSeeder
{
    public const string Marker = "[synthetic load test]";
    public const int RunsPerSweep = 200;
    private static readonly IReadOnlyList<string> Methods = MethodCatalog.Names;
    private static readonly string[] Classes = ["stripes", "disc", "noise", "grid", "dots"];

    public static async Task SeedIfConfiguredAsync(IServiceProvider services, LabDbContext db)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var wanted = config.GetValue<int>("LoadTest:SeedRuns");
        if (wanted <= 0) return;
        var paths = services.GetRequiredService<LabPaths>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoadTestSeeder));
        if (Path.GetFullPath(Path.Combine(paths.Root, "data")) == paths.DataDirectory)
            throw new InvalidOperationException("LoadTest:SeedRuns writes synthetic runs: point Lab:DataDirectory at a scratch folder, not the repository's data/.");
        if (await db.Sweeps.AnyAsync(s => !s.Name.StartsWith(Marker)))
            throw new InvalidOperationException("LoadTest:SeedRuns refuses a database that already holds real sweeps; use an empty scratch database.");

        var have = await db.Runs.CountAsync();
        if (have >= wanted) { log.LogWarning("Load test: {Count} synthetic runs already there.", have); return; }
        var rng = new Random(12345);
        var start = DateTime.UtcNow.AddDays(-7);
        for (var s = 0; have < wanted; s++)
        {
            var count = Math.Min(RunsPerSweep, wanted - have);
            var sweep = new Sweep
            {
                Id = SweepId.New(), Name = $"{Marker} sweep {s + 1} ({count} runs)", Dataset = "synthetic",
                RequestJson = "{\"synthetic\":true}", CreatedAt = start.AddMinutes(s * 30), RunCount = count,
            };
            db.Sweeps.Add(sweep);
            for (var i = 0; i < count; i++) db.Runs.Add(MakeRun(sweep, i, rng));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            have += count;
        }
        log.LogWarning("Load test: the database now holds {Count} synthetic runs (sweeps named '{Marker} …').", have, Marker);
    }

    private static Run MakeRun(Sweep sweep, int i, Random rng)
    {
        var method = Methods[i % Methods.Count];
        var scenario = ScenarioExtensions.All[i / Methods.Count % 4];
        var seed = i / (Methods.Count * 4);
        var spec = new RunSpec { Dataset = "synthetic", Method = method, Scenario = scenario, Seed = seed };
        var perClass = Classes.Select(c => new ClassMetrics
        {
            Class = c, ImageAuroc = Near(0.9, rng), PixelAuroc = Near(0.95, rng), Aupro = Near(0.85, rng),
            ImageF1Max = Near(0.88, rng), ImageF1Deployable = Near(0.8, rng), AccuracyDeployable = Near(0.82, rng),
            TestImages = 30, Anomalous = 20,
        }).ToList();
        var mean = new MetricSet
        {
            ImageAuroc = perClass.Average(c => c.ImageAuroc), PixelAuroc = perClass.Average(c => c.PixelAuroc),
            Aupro = perClass.Average(c => c.Aupro), ImageF1Max = perClass.Average(c => c.ImageF1Max),
            ImageF1Deployable = perClass.Average(c => c.ImageF1Deployable), AccuracyDeployable = perClass.Average(c => c.AccuracyDeployable),
        };
        var result = new RunResult
        {
            Dataset = "synthetic", Method = method, Scenario = scenario.ToString(), Seed = seed, Config = spec,
            Headline = mean.ImageAuroc, MeanOverClasses = mean, Pooled = mean with { ImageAuroc = Near(0.88, rng) },
            PerClass = perClass,
            Timings = new Timings { FeaturesS = 1, FitS = 2, BankBuildS = 1, ScoreMsPerImage = 15, TotalS = 4 },
            Memory = new MemoryStats { BankEntries = 5000, BankBytes = 5000 * 1536 * 4, PeakRssBytes = 1L << 30 },
            Criteria = [],
        };
        var id = RunId.New();
        var created = sweep.CreatedAt.AddSeconds(i);
        var run = new Run
        {
            Id = id, SweepId = sweep.Id, SpecJson = LabJson.Serialize(spec), Method = method, Scenario = scenario.ToString(),
            Dataset = "synthetic", Seed = seed, Status = RunStatus.Succeeded, CreatedAt = created, StartedAt = created,
            FinishedAt = created.AddSeconds(4), HeartbeatAt = created.AddSeconds(4), Worker = "load-test", Phase = "done",
            Progress = 1, Headline = result.Headline, ResultJson = LabJson.Serialize(result),
        };
        return run;
    }

    private static double Near(double centre, Random rng) => Math.Clamp(centre + (rng.NextDouble() - 0.5) * 0.16, 0, 1);
}
