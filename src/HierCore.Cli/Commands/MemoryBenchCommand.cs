using System.CommandLine;
using System.Globalization;
using System.Text;
using HierCore.Cli.Bench;
using HierCore.Cli.Output;
using HierCore.Engine.Contracts;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>
/// `hiercore bench memory`: peak RSS of a per-group and a unified run at C classes (same images per class), the
/// dataset's float16 feature bytes, pooled1024 extraction speed and an identical sweep run twice (bank store cold,
/// then warm) — side by side in one run. Numbers are reported, never asserted.
/// </summary>
public static class MemoryBenchCommand
{
    /// <summary>What the memory section measures unless told otherwise (also `hiercore bench --memory`).</summary>
    /// <remarks>
    /// Ratio 0.01: the ratio sets the bank's size, not the patches a run holds while building it, and a unified
    /// coreset at 0.1 over 6 × 120 images takes most of an hour on 2 cores.
    /// </remarks>
    public sealed record Settings(int[] Classes, int Train, int Test, double CoresetRatio);

    public static readonly Settings Defaults = new([3, 6], Train: 120, Test: 20, CoresetRatio: 0.01);

    public static Command Create()
    {
        var classes = new Option<string>("--classes") { Description = "Class counts to compare", DefaultValueFactory = _ => string.Join(',', Defaults.Classes) };
        var train = new Option<int>("--train") { Description = "Training images per class", DefaultValueFactory = _ => Defaults.Train };
        var test = new Option<int>("--test") { Description = "Test images per class (half good, half defective)", DefaultValueFactory = _ => Defaults.Test };
        var ratio = new Option<double>("--coreset-ratio") { Description = "Coreset ratio", DefaultValueFactory = _ => Defaults.CoresetRatio };
        var output = new Option<string?>("--out") { Description = "Write the report as JSON here" };
        var markdown = new Option<string?>("--markdown") { Description = "Write the table as Markdown here" };
        var command = new Command("memory", "Peak memory against the number of classes (each run in its own process), pooled1024 images/s, bank store warm sweep.")
            { classes, train, test, ratio, output, markdown };
        command.SetAction(async (parse, ct) =>
        {
            int[] counts;
            try { counts = parse.GetValue(classes)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray(); }
            catch (FormatException) { return ExitCodes.Invalid($"--classes: a comma-separated list of class counts, got '{parse.GetValue(classes)}'."); }
            if (counts.Length == 0 || counts.Any(c => c is < 1 or > 6)) return ExitCodes.Invalid("--classes: each count must be 1 to 6 (the demo has 6 classes).");
            if (parse.GetValue(train) < 2 || parse.GetValue(test) < 2) return ExitCodes.Invalid("--train and --test: at least 2 images per class.");
            if (!(parse.GetValue(ratio) is > 0 and <= 1)) return ExitCodes.Invalid($"--coreset-ratio: {parse.GetValue(ratio)} must be in (0, 1].");
            try
            {
                var report = Measure(new Settings(counts, parse.GetValue(train), parse.GetValue(test), parse.GetValue(ratio)), ct);
                AnsiConsole.Write(new Markup(Markup.Escape(Markdown(report))));
                AnsiConsole.WriteLine();
                if (parse.GetValue(output) is { } json) await ResultFiles.WriteTextAsync(json, ResultJson.Serialize(report), ct);
                if (parse.GetValue(markdown) is { } md) await ResultFiles.WriteTextAsync(md, Markdown(report), ct);
                return 0;
            }
            catch (OperationCanceledException) { AnsiConsole.MarkupLine("[yellow]Cancelled.[/]"); return 130; }
        });
        return command;
    }

    /// <summary>Runs the memory section in a scratch folder that is removed afterwards.</summary>
    public static MemoryBenchReport Measure(Settings settings, CancellationToken ct)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"hiercore-bench-memory-{Environment.ProcessId}");
        try
        {
            return MemoryBench.Run(settings.Classes, settings.Train, settings.Test, settings.CoresetRatio, scratch,
                m => AnsiConsole.MarkupLine(Markup.Escape(m)), ct);
        }
        finally { try { Directory.Delete(scratch, recursive: true); } catch (IOException) { } }
    }

    public static string Markdown(MemoryBenchReport r)
    {
        static string Gb(long b) => (b / 1e9).ToString("0.00", CultureInfo.InvariantCulture);
        static string F(double v, string f = "0.0") => v.ToString(f, CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine($"{r.Embedding}, coreset ratio {F(r.CoresetRatio, "0.###")}, {r.TrainPerClass} train + {r.TestPerClass} test images per class; {r.Machine}.").AppendLine();
        sb.AppendLine("| classes | train + test | feature_bytes_fp16 (GB) | peak_rss_group (GB) | peak_rss_unified (GB) | unified target 1.5×fp16+1 GiB (GB) | pooled1024 images/s |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in r.Points)
            sb.AppendLine($"| {p.Classes} | {p.TrainImages} + {p.TestImages} | {Gb(p.FeatureBytesFp16)} | {Gb(p.PeakRssGroupBytes)} | {Gb(p.PeakRssUnifiedBytes)} | {Gb(p.UnifiedBudgetBytes)} | {F(p.Pooled1024Ips, "0.00")} |");
        sb.AppendLine().AppendLine($"Per-group peak RSS growth from {r.Points[0].Classes} to {r.Points[^1].Classes} classes: {F((r.GroupGrowth - 1) * 100)} %.");
        sb.AppendLine($"Identical sweep (patchcore-oc + hiercore, S1 + S2) in new processes: cold {F(r.BankStoreColdS)} s, warm {F(r.BankStoreWarmS)} s " +
                      $"({r.BankStoreWarmBanksLoaded} banks loaded, {r.BankStoreWarmCoresetsBuilt} coresets built, results {(r.BankStoreWarmIdentical ? "identical" : "DIFFERENT")}).");
        return sb.ToString();
    }
}
