using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Unit;

public sealed class ReportsTests
{
    private static CompareData Data()
    {
        var runs = new[] { 0, 1 }.SelectMany(seed => new[] { "patchcore", "patchcore-oc" }.SelectMany(m => new[] { Scenario.S1, Scenario.S3 }
            .Where(s => m != "patchcore-oc" || s.TrainLabels())
            .Select(s => new StoredResult(RunId.New(), FakeExperimentRunner.Build(new RunSpec { Dataset = "demo", Method = m, Scenario = s, Seed = seed })))))
            .ToList();
        return new CompareData(SweepId.New(), "a_b & c", "demo", runs, ["patchcore", "patchcore-oc"], ["S1", "S3"], runs.Count, runs.Count);
    }

    [Fact]
    public void Csv_export_has_one_row_per_pair_with_na_for_inapplicable()
    {
        var lines = CompareExport.Csv(Data(), "headline", "mean").Trim().Split('\n');
        Assert.Equal(1 + 4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("patchcore-oc,S3,") && l.Contains("n/a"));
        Assert.Contains(lines, l => l.StartsWith("patchcore,S3,") && l.EndsWith(",2"));
    }

    [Fact]
    public void Markdown_and_latex_exports_carry_the_same_cells()
    {
        var d = Data();
        var cell = d.Cell("patchcore", "S1", "headline", "mean").Format();
        Assert.Contains($"| PatchCore-MC | {cell} |", CompareExport.Markdown(d, "headline", "mean"));
        var tex = CompareExport.Latex(d, "headline", "mean");
        Assert.Contains(@"\begin{tabular}{lrr}", tex);
        Assert.Contains(@"PatchCore-OC & ", tex);
        Assert.Contains(@"a\_b \& c", tex); // sweep name escaped
        Assert.Contains("n/a", tex);
    }

    [Fact]
    public void Scores_csv_round_trips_names_with_commas_and_quotes()
    {
        ImageScore[] scores = [new("cl,ass", "cl,ass/test/crack/a \"b\"", true, 1.25, -0.5, "g1", "crack"), new("x", "x/test/good/y", false, 0.1, 0.2, "g2", "good")];
        Assert.Equal(scores, HierCore.Engine.Contracts.ScoresCsv.Read(HierCore.Engine.Contracts.ScoresCsv.Write(scores)));
    }
}
