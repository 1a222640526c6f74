using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Reports;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Unit;

/// <summary>
/// Exports carry names a user typed (sweep name) or a dataset brought (classes, stored methods and scenarios): none of
/// them may break the table, run as a spreadsheet formula or as a LaTeX command.
/// </summary>
public sealed class ExportInjectionTests
{
    const string HostileName = "x\n\\input{/etc/passwd} & $^_~%#{}|y\r\nz";
    const string HostileMethod = "evil|m\\e{th}od$";
    const string HostileScenario = "\t=cmd|' /C calc'!A0";

    static CompareData Data()
    {
        var runs = new[] { "patchcore", HostileMethod }.Select(m =>
            new StoredResult(RunId.New(), FakeExperimentRunner.Build(new RunSpec { Dataset = "demo", Method = m, Scenario = Scenario.S1 }) with { Scenario = HostileScenario }))
            .ToList();
        return new CompareData(SweepId.New(), HostileName, "demo", runs, ["patchcore", HostileMethod], [HostileScenario], runs.Count, runs.Count);
    }

    [Fact]
    public void Latex_escapes_every_special_character_and_newline_in_cells_and_the_sweep_name()
    {
        var tex = CompareExport.Latex(Data(), "headline", "mean");
        var lines = tex.TrimEnd('\n').Split('\n');
        Assert.Equal(9, lines.Length);                      // begin, toprule, header, midrule, 2 rows, bottomrule, end, comment
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith(@"\input"));
        var comment = lines[^1];
        Assert.StartsWith("%", comment);
        Assert.Contains(@"x \textbackslash{}input\{/etc/passwd\} \& \$\textasciicircum{}\_\textasciitilde{}\%\#\{\}|y z", comment);
        Assert.Contains(@"evil|m\textbackslash{}e\{th\}od\$ & ", tex);
        Assert.Contains(@"Method & " + "\t" + @"=cmd|' /C calc'!A0 \\", tex);
        Assert.All(lines, l => Assert.DoesNotContain('\r', l));
    }

    [Fact]
    public void Markdown_escapes_pipes_and_newlines_so_the_table_keeps_its_shape()
    {
        var md = CompareExport.Markdown(Data(), "headline", "mean");
        var lines = md.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);                      // title, blank, header, rule, 2 rows
        Assert.Contains(@"\|y z", lines[0]);
        Assert.Contains(@"| evil\|m\\e{th}od$ | ", md);  // a backslash is escaped too, so it cannot unescape a pipe
        Assert.All(lines.Skip(2), l => Assert.Equal(3, l.Replace(@"\|", "").Count(c => c == '|'))); // 2 columns
        Assert.All(lines, l => Assert.DoesNotContain('\r', l));
    }

    [Fact]
    public void Csv_defuses_formula_cells_including_ones_starting_with_tab_or_carriage_return()
    {
        var csv = CompareExport.Csv(Data(), "headline", "mean");
        var rows = csv.TrimEnd('\n').Split('\n').Skip(1).Select(HierCore.Engine.Contracts.ScoresCsv.SplitLine).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("'\t=cmd|' /C calc'!A0", r[1]));
        Assert.Equal("'\rX", HierCore.Engine.Contracts.ScoresCsv.SplitLine(HierCore.Lab.Jobs.Csv.Escape("\rX"))[0]);
        Assert.Equal("'\t", HierCore.Lab.Jobs.Csv.Escape("\t"));
        Assert.Equal("plain", HierCore.Lab.Jobs.Csv.Escape("plain"));
    }
}
