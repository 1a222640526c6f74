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
