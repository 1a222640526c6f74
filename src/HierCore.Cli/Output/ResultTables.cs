using System.Globalization;
using HierCore.Engine.Contracts;
using Spectre.Console;

namespace HierCore.Cli.Output;

/// <summary>Terminal tables for one run.</summary>
public static class ResultTables
{
    public static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    public static void PrintRun(RunResult r)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{r.Method} · {r.Scenario} · {r.Dataset} · seed {r.Seed}")
            .AddColumns("class", "I-AUROC", "P-AUROC", "AUPRO", "F1-max", "F1@τ", "acc@τ", "test", "anomalous");
        foreach (var c in r.PerClass)
            table.AddRow(Markup.Escape(c.Class), F(c.ImageAuroc), F(c.PixelAuroc), F(c.Aupro), F(c.ImageF1Max), F(c.ImageF1Deployable), F(c.AccuracyDeployable), c.TestImages.ToString(), c.Anomalous.ToString());
        table.AddEmptyRow();
        AddSet(table, "[bold]mean over classes[/]", r.MeanOverClasses);
        AddSet(table, "[bold]pooled[/]", r.Pooled);
        AnsiConsole.Write(table);

        var headlineKind = Enum.Parse<Scenario>(r.Scenario).EvalLabels() ? "mean per-class I-AUROC" : "pooled I-AUROC";
        AnsiConsole.MarkupLine($"[bold]Headline[/] ({headlineKind}): [green]{F(r.Headline)}[/]");
        if (r.Routing is { } routing)
            AnsiConsole.MarkupLine($"Routing accuracy {F(routing.RoutingAccuracy)} over {routing.Groups} groups" +
                (routing.ClusteringPurity is { } p ? $"; clustering purity {F(p)}, NMI {F(routing.ClusteringNmi ?? double.NaN)}" : ""));
        var t = r.Timings;
        AnsiConsole.MarkupLine($"Features {t.FeaturesS:0.0} s · fit {t.FitS:0.0} s (banks {t.BankBuildS:0.0} s) · score {t.ScoreMsPerImage:0.0} ms/image · total {t.TotalS:0.0} s · " +
            $"bank {r.Memory.BankEntries:N0} entries, {r.Memory.BankBytes / 1048576.0:0.0} MiB · peak RSS {r.Memory.PeakRssBytes / 1048576.0:0} MiB");
    }

    static void AddSet(Table table, string label, MetricSet m) =>
        table.AddRow(label, F(m.ImageAuroc), F(m.PixelAuroc), F(m.Aupro), F(m.ImageF1Max), F(m.ImageF1Deployable), F(m.AccuracyDeployable), "", "");
}
