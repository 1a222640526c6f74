using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;

namespace HierCore.Lab.Api;

/// <summary>API shapes of runs (ids as strings, result as stored).</summary>
public static class RunJson
{
    public static object Row(RunRow r) => new
    {
        id = r.Id.ToString(), sweep = r.SweepId.ToString(), method = r.Method, scenario = r.Scenario, dataset = r.Dataset, seed = r.Seed,
        status = r.Status.ToString(), attempt = r.Attempt, phase = r.Phase, progress = r.Progress, headline = r.Headline, error = r.Error,
        created_at = r.CreatedAt, started_at = r.StartedAt, finished_at = r.FinishedAt, worker = r.Worker,
        tags = Data.TagList.Decode(r.RunTags), sweep_tags = Data.TagList.Decode(r.SweepTags),
    };

    public static object Detail(RunDetail d) => new
    {
        id = d.Run.Id.ToString(), sweep = d.Run.SweepId.ToString(), method = d.Run.Method, scenario = d.Run.Scenario, dataset = d.Run.Dataset,
        seed = d.Run.Seed, status = d.Run.Status.ToString(), attempt = d.Run.Attempt, phase = d.Run.Phase, progress = d.Run.Progress,
        headline = d.Run.Headline, error = d.Run.Error, worker = d.Run.Worker,
        created_at = d.Run.CreatedAt, started_at = d.Run.StartedAt, finished_at = d.Run.FinishedAt,
        tags = Data.TagList.Decode(d.Run.Tags), note = d.Run.Note,
        spec = d.Spec is null ? (object?)null : System.Text.Json.JsonDocument.Parse(d.Run.SpecJson).RootElement,
        result = d.Run.ResultJson is null ? (object?)null : System.Text.Json.JsonDocument.Parse(d.Run.ResultJson).RootElement,
        artifacts = d.Artifacts.Select(a => new { kind = a.Kind.ToString(), url = "/artifacts/" + a.RelativePath, a.Class, a.Image, a.Label, a.Score }),
    };
}
