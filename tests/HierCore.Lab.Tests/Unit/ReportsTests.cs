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
    // Headlines chosen so every mean and sample std is exact in binary: the expected exports are written out below.
    private static readonly Dictionary<(string Method, Scenario Scenario), double[]> Headlines = new()
    {
        [("patchcore", Scenario.S1)] = [0.25, 0.5, 0.75],     // 0.5 ± 0.25
        [("patchcore", Scenario.S3)] = [0.5, 0.625, 0.75],    // 0.625 ± 0.125
        [("patchcore-oc", Scenario.S1)] = [0.75, 0.875, 1.0], // 0.875 ± 0.125; patchcore-oc × S3 is not applicable
    };

    private static CompareData Data()
    {
        var runs = Headlines.SelectMany(h => h.Value.Select((headline, seed) => new StoredResult(RunId.New(),
                FakeExperimentRunner.Build(new RunSpec { Dataset = "demo", Method = h.Key.Method, Scenario = h.Key.Scenario, Seed = seed })
                    with { Headline = headline })))
            .ToList();
        return new CompareData(SweepId.New(), "a_b & c", "demo", runs, ["patchcore", "patchcore-oc"], ["S1", "S3"], runs.Count, runs.Count);
    }

    [Fact]
    public void Csv_export_has_one_row_per_pair_with_na_for_inapplicable()
    {
        Assert.Equal("""
            method,scenario,metric,scope,mean,std,n
            patchcore,S1,headline,mean,0.5,0.25,3
            patchcore,S3,headline,mean,0.625,0.125,3
            patchcore-oc,S1,headline,mean,0.875,0.125,3
            patchcore-oc,S3,headline,mean,n/a,n/a,0

            """, CompareExport.Csv(Data(), "headline", "mean"));
    }

    [Fact]
    public void Markdown_export_is_the_matrix_with_display_names()
    {
        Assert.Equal("""
            Headline (mean) — a_b & c, mean ± std over seeds

            | method | S1 | S3 |
            |---|---:|---:|
            | PatchCore-MC | 0.500 ± 0.250 | 0.625 ± 0.125 |
            | PatchCore-OC | 0.875 ± 0.125 | n/a |

            """, CompareExport.Markdown(Data(), "headline", "mean"));
    }

    [Fact]
    public void Latex_export_is_the_matrix_with_escaped_names()
    {
        Assert.Equal("""
            \begin{tabular}{lrr}
            \toprule
            Method & S1 & S3 \\
            \midrule
            PatchCore-MC & 0.500 $\pm$ 0.250 & 0.625 $\pm$ 0.125 \\
            PatchCore-OC & 0.875 $\pm$ 0.125 & n/a \\
            \bottomrule
            \end{tabular}
            % Headline (mean), a\_b \& c, mean $\pm$ std over seeds

            """, CompareExport.Latex(Data(), "headline", "mean"));
    }

    [Fact]
    public void Scores_csv_round_trips_names_with_commas_and_quotes()
    {
        ImageScore[] scores = [new("cl,ass", "cl,ass/test/crack/a \"b\"", true, 1.25, -0.5, "g1", "crack"), new("x", "x/test/good/y", false, 0.1, 0.2, "g2", "good")];
        Assert.Equal(scores, HierCore.Engine.Contracts.ScoresCsv.Read(HierCore.Engine.Contracts.ScoresCsv.Write(scores)));
    }
}
