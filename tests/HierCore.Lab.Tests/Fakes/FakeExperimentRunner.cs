using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;
using SkiaSharp;

namespace HierCore.Lab.Tests.Fakes;

/// <summary>
/// Stands in for the engine in tests: walks the phases with small delays (reporting progress, honouring
/// cancellation) and returns a deterministic result derived from the spec (same spec → same numbers).
/// </summary>
public sealed class FakeExperimentRunner : IExperimentRunner
{
    public static readonly string[] Classes = ["disc", "grid", "stripes"];

    public TimeSpan StepDelay { get; set; } = TimeSpan.FromMilliseconds(20);
    public int StepsPerPhase { get; set; } = 4;
    public int Started => _started;
    public int Completed => _completed;
    private int _started, _completed;

    /// <summary>Set while a run is inside RunAsync (for cancel tests).</summary>
    public TaskCompletionSource RunEntered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<RunResult> RunAsync(RunSpec spec, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        RunEntered.TrySetResult();
        if (MethodCatalog.NotApplicableReason(spec.Method, spec.Scenario) is { } why) throw new NotApplicableException(why);
        foreach (var phase in RunPhases.All)
            for (var i = 1; i <= StepsPerPhase; i++)
            {
                await Task.Delay(StepDelay, cancellationToken);
                progress?.Report(new RunProgress(phase.Name, i, StepsPerPhase));
            }
        Interlocked.Increment(ref _completed);
        return Build(spec);
    }

    public static RunResult Build(RunSpec spec)
    {
        var rng = new Random(HashCode.Combine(spec.Seed, spec.Method.Length * 31 + spec.Method[^1], (int)spec.Scenario));
        // Each class scores on its own scale: the reason one global threshold fails.
        var scores = new List<ImageScore>();
        for (var c = 0; c < Classes.Length; c++)
        {
            var scale = 1.0 + c;
            var separation = spec.Method == "hiercore" ? 1.6 : spec.Scenario.EvalLabels() ? 1.3 : 1.0;
            for (var i = 0; i < 12; i++)
            {
                var anomalous = i >= 6;
                var s = scale * (1 + 0.3 * rng.NextDouble() + (anomalous ? separation * (0.02 + 0.35 * rng.NextDouble()) : 0));
                var z = (s - scale * 1.15) / (0.1 * scale);
                scores.Add(new ImageScore(Classes[c], $"{Classes[c]}/test/{(anomalous ? "crack" : "good")}/{i:D3}.png", anomalous, s, z, Classes[c], anomalous ? "crack" : "good"));
            }
        }
        var perClass = Classes.Select(cls =>
        {
            var own = scores.Where(s => s.Class == cls).ToList();
            return new ClassMetrics { Class = cls, ImageAuroc = Auroc(own), PixelAuroc = 0.9 + 0.01 * rng.NextDouble(),
                ImageF1Max = 0.8 + 0.1 * rng.NextDouble(), ImageF1Deployable = 0.7, AccuracyDeployable = 0.75,
                TestImages = own.Count, Anomalous = own.Count(s => s.Label) };
        }).ToList();
        var mean = new MetricSet { ImageAuroc = perClass.Average(c => c.ImageAuroc), PixelAuroc = perClass.Average(c => c.PixelAuroc),
            ImageF1Max = perClass.Average(c => c.ImageF1Max), ImageF1Deployable = 0.7, AccuracyDeployable = 0.75 };
        var pooled = new MetricSet { ImageAuroc = Auroc(scores.Select(s => s with { Score = s.NormalizedScore }).ToList()),
            PixelAuroc = 0.9, ImageF1Max = 0.8, ImageF1Deployable = 0.68, AccuracyDeployable = 0.72 };
        return new RunResult
        {
            Dataset = spec.Dataset, Method = spec.Method, Scenario = spec.Scenario.ToString(), Seed = spec.Seed, Config = spec,
            Headline = spec.Scenario.EvalLabels() ? mean.ImageAuroc : pooled.ImageAuroc,
            MeanOverClasses = mean, Pooled = pooled, PerClass = perClass,
            Routing = spec.Method == "hiercore" ? new RoutingMetrics { RoutingAccuracy = 1, Groups = Classes.Length } : null,
            Timings = new Timings { FitS = 1.5, FeaturesS = 2, BankBuildS = 1.2, ScoreMsPerImage = 14, TotalS = 4 },
            Memory = new MemoryStats { BankEntries = 1000, BankBytes = 1_536_000 },
            Criteria = Classes.Select((c, i) => PooledWithoutLabels(spec, i, new GroupCriterion(c, 1.15 * (1 + i), 0.1 * (1 + i), 1.15 * (1 + i) + spec.Lambda * 0.1 * (1 + i), 6, c))).ToList(),
            Scores = scores,
            Maps = Classes.Select(c => new AnomalyMapArtifact(c, $"{c}/test/crack/006.png", true, 2.5, Png(c))).ToList(),
        };
    }

    /// <summary>HierCore without training labels clusters; its last group stands for a one-image cluster that borrowed the pooled criterion.</summary>
    private static GroupCriterion PooledWithoutLabels(RunSpec spec, int group, GroupCriterion own) =>
        spec.Method == "hiercore" && !spec.Scenario.TrainLabels() && group == Classes.Length - 1 ? own with { Samples = 0, Fallback = "pooled" } : own;

    private static double Auroc(IReadOnlyList<ImageScore> s)
    {
        var pos = s.Where(x => x.Label).Select(x => x.Score).ToList();
        var neg = s.Where(x => !x.Label).Select(x => x.Score).ToList();
        if (pos.Count == 0 || neg.Count == 0) return double.NaN;
        double wins = 0;
        foreach (var p in pos) foreach (var n in neg) wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / (pos.Count * neg.Count);
    }

    private static byte[] Png(string cls)
    {
        using var bitmap = new SKBitmap(96, 32);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(40, 40, 40));
            using var paint = new SKPaint { Color = new SKColor((byte)(60 * cls.Length % 255), 120, 200) };
            canvas.DrawRect(4, 4, 24, 24, paint);
            paint.Color = SKColors.White;
            canvas.DrawRect(36, 4, 24, 24, paint);
            paint.Color = SKColors.OrangeRed;
            canvas.DrawCircle(80, 16, 10, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
