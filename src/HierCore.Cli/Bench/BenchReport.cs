namespace HierCore.Cli.Bench;

/// <summary>bench.json: every number measured in one run on one machine (snake_case keys).</summary>
public sealed record BenchReport
{
    public required string Machine { get; init; }
    public bool Quick { get; init; }
    public int Threads { get; init; }
    public double MatmulGflops { get; init; }
    public int MatmulSize { get; init; }
    public int BackboneBatch { get; init; }
    public double BackboneTorchsharpIps { get; init; }
    public double BackboneOnnxruntimeIps { get; init; }
    public double BackboneRatio { get; init; }
    public double CoresetNaiveS { get; init; }
    public double CoresetFastS { get; init; }
    public double CoresetSpeedup { get; init; }
    public int CoresetN { get; init; }
    public bool CoresetIdentical { get; init; }
    public IReadOnlyList<CoresetPoint> CoresetPoints { get; init; } = [];
    public double KnnGflops { get; init; }
    public double KnnFractionOfMatmul { get; init; }
    public string KnnShape { get; init; } = "";
    public string SweepDataset { get; init; } = "";
    public int SweepRuns { get; init; }
    public double SweepColdS { get; init; }
    public double SweepWarmS { get; init; }
    public int FeaturesExtractedCold { get; init; }
    public int FeaturesExtractedWarm { get; init; }
    public long PeakRssBytes { get; init; }
    /// <summary>The memory section (`--memory`): peak RSS against the number of classes, pooled1024 images/s, warm bank store.</summary>
    public MemoryBenchReport? Memory { get; init; }
}

public sealed record CoresetPoint(int N, int Picks, double NaiveS, double FastS, double Speedup, bool Identical);
