using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HierCore.Cli.Output;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>
/// `hiercore study`: the criterion study table from the sweep.json files of one or more sweeps (every dataset ×
/// criterion variant × method): S1/S4 headline, deployable F1, false alarms of good test images at λ and bank build time.
/// </summary>
public static class StudyCommand
{
    public static Command Create()
    {
        var sweeps = new Argument<string[]>("sweeps") { Description = "sweep.json files written by `hiercore sweep --out`", Arity = ArgumentArity.OneOrMore };
        var markdown = new Option<string?>("--markdown") { Description = "Write the table as Markdown here" };
        var command = new Command("study", "The criterion study table from one or more sweep.json files.") { sweeps, markdown };
        command.SetAction(async (parse, ct) =>
        {
            var runs = new List<RunResult>();
            foreach (var path in parse.GetValue(sweeps)!)
            {
                if (!File.Exists(path)) return ExitCodes.Invalid($"Sweep file '{path}' does not exist.");
                try { runs.AddRange(ResultJson.Deserialize<SweepRuns>(await File.ReadAllTextAsync(path, ct)).Runs); }
                catch (JsonException e) { return ExitCodes.Invalid($"Sweep file '{path}' is not a sweep.json: {e.Message}"); }
            }
            var rows = StudyTable.Build(runs);
            var text = Markdown(rows);
            Console.Out.Write(text); // plain: Markdown must not be wrapped at the terminal width
            if (parse.GetValue(markdown) is { } md) await ResultFiles.WriteTextAsync(md, text, ct);
            return 0;
        });
        return command;
    }

    /// <summary>Only the runs of a sweep.json are needed; the rest is recomputed.</summary>
    sealed record SweepRuns(IReadOnlyList<RunResult> Runs);

    public static string Markdown(IReadOnlyList<StudyRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| dataset | criterion | scale | method | S1 headline | S4 headline | S4 pooled − mean per-class | F1@τ S1 | F1@τ S4 | false alarms S1 | false alarms S4 | nominal | bank s S1 / S4 |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var s4 = r.PooledScenario == "S4" ? "" : $" ({r.PooledScenario})";
            sb.AppendLine($"| {r.Dataset} | {r.Criterion} | {r.Scale} | {r.Method} | {F(r.HeadlineS1)} | {F(r.HeadlineS4)}{s4} | {F(r.PooledMinusMeanS4, "+0.000;−0.000")} | " +
                          $"{F(r.F1DeployableS1)} | {F(r.F1DeployableS4)}{s4} | {P(r.FalseAlarmS1)} | {P(r.FalseAlarmS4)}{s4} | {P(r.NominalFalseAlarm, "0.00")} | " +
                          $"{F(r.BankBuildS1, "0.0")} / {F(r.BankBuildS4, "0.0")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Headline: S1 mean per-class I-AUROC, S4 pooled I-AUROC. F1@τ: pooled F1 of the deployable rule z > λ. False alarms: " +
                      "share of good test images that rule flags; nominal: 1 − Φ(λ), what it would flag if z of normals were standard normal. " +
                      "(S2): PatchCore-OC needs training labels, so its pooled figures are from S2. Bank s: build time of the run's banks (coreset + criterion), measured once when built.");
        return sb.ToString();
    }

    static string F(double v, string format = "0.000") => double.IsNaN(v) ? "—" : v.ToString(format, CultureInfo.InvariantCulture);
    static string P(double v, string format = "0.0") => double.IsNaN(v) ? "—" : (100 * v).ToString(format, CultureInfo.InvariantCulture) + " %";
}
