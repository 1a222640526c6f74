using System.Text;
using HierCore.Cli.Bench;
using Spectre.Console;

namespace HierCore.Cli.Output;

/// <summary>The bench table: each measurement beside its reference, with the ratio and the target.</summary>
public static class BenchTables
{
    static IEnumerable<string[]> Rows(BenchReport r)
    {
        yield return ["matmul (ceiling)", $"{r.MatmulGflops:0.0} GFLOP/s", $"{r.MatmulSize}³ float32, {r.Threads} threads", "", ""];
        yield return ["backbone TorchSharp vs ONNX Runtime", $"{r.BackboneTorchsharpIps:0.0} vs {r.BackboneOnnxruntimeIps:0.0} images/s", $"ResNet18 to layer3, batch {r.BackboneBatch}", $"{r.BackboneRatio:0.00}×", "≥ 0.9×"];
        foreach (var p in r.CoresetPoints)
            yield return [$"coreset N = {p.N:N0} → {p.Picks:N0}", $"{p.NaiveS:0.0} s vs {p.FastS:0.0} s", $"straightforward vs fast, D = 128, identical picks: {(p.Identical ? "yes" : "NO")}", $"{p.Speedup:0.0}×", "≥ 5×"];
        yield return ["nearest-neighbour search", $"{r.KnnGflops:0.0} GFLOP/s", r.KnnShape, $"{r.KnnFractionOfMatmul:P0} of matmul", "≥ 60 %"];
        if (r.SweepRuns > 0)
            yield return ["sweep cold vs warm cache", $"{r.SweepColdS:0.0} s vs {r.SweepWarmS:0.0} s", $"{r.SweepRuns} runs on {r.SweepDataset}; features extracted cold {r.FeaturesExtractedCold}, warm {r.FeaturesExtractedWarm}", $"{r.SweepColdS / r.SweepWarmS:0.00}×", "warm extracts 0"];
        yield return ["peak memory", $"{r.PeakRssBytes / 1048576.0:0} MiB", "peak working set of the bench process", "", ""];
        if (r.Memory is { } m)
            foreach (var row in MemoryRows(m)) yield return row;
    }

    /// <summary>Official PatchCore's pooled1024 extraction on the reference 2-core machine (issue #11), images/s.</summary>
    public const double OfficialPooled1024Ips = 7.6;

    static IEnumerable<string[]> MemoryRows(MemoryBenchReport m)
    {
        static string Gb(long b) => $"{b / 1e9:0.00} GB";
        var (first, last) = (m.Points[0], m.Points[^1]);
        var setting = $"{m.Embedding}, ratio {m.CoresetRatio:0.###}, {m.TrainPerClass} train + {m.TestPerClass} test per class, each run in its own process";
        yield return [$"per-group peak RSS, C = {first.Classes} → {last.Classes}", $"{Gb(first.PeakRssGroupBytes)} → {Gb(last.PeakRssGroupBytes)}",
            $"patchcore-oc S1; {setting}", $"{(m.GroupGrowth - 1) * 100:+0.0;−0.0} %", "< +15 %, ≤ 2.5 GB at C = 6"];
        foreach (var p in m.Points)
            yield return [$"unified peak RSS, C = {p.Classes}", $"{Gb(p.PeakRssUnifiedBytes)} vs {Gb(p.UnifiedBudgetBytes)}",
                $"patchcore S1; budget 1.5 × feature_bytes_fp16 ({Gb(p.FeatureBytesFp16)}) + 1 GiB", $"{(double)p.PeakRssUnifiedBytes / p.UnifiedBudgetBytes:0.00}×", "≤ 1×"];
        var ips = m.Points.Max(p => p.Pooled1024Ips);
        yield return ["pooled1024 extraction", $"{ips:0.0} images/s", "decode → backbone → embedding → cache write, cold cache; best of the class counts",
            $"{ips / OfficialPooled1024Ips:0.00}× of {OfficialPooled1024Ips}", "≥ 1×"];
        yield return ["bank store: identical sweep again", $"{m.BankStoreColdS:0.0} s vs {m.BankStoreWarmS:0.0} s",
            $"{m.BankStoreWarmBanksLoaded} banks loaded, {m.BankStoreWarmCoresetsBuilt} coresets built, results {(m.BankStoreWarmIdentical ? "identical" : "DIFFERENT")}",
            $"{m.BankStoreColdS / m.BankStoreWarmS:0.00}×", "0 built, identical"];
    }

    static readonly string[] Header = ["measure", "value", "setting", "ratio", "target"];

    public static void Print(BenchReport r)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"hiercore bench{(r.Quick ? " --quick" : "")} · {r.Machine}").AddColumns(Header);
        foreach (var row in Rows(r)) table.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);
    }

    public static string Markdown(BenchReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", Header) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Header.Length)));
        foreach (var row in Rows(r)) sb.AppendLine("| " + string.Join(" | ", row) + " |");
        return sb.ToString();
    }
}
