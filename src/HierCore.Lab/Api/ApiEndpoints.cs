using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using HierCore.Lab.Sweeps;

namespace HierCore.Lab.Api;

/// <summary>The JSON API: sweeps in, runs out, cancel, results CSV, health.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapLabApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/sweeps", CreateSweep).RequireLabWrite();
        api.MapGet("/runs", ListRuns);
        api.MapGet("/runs/{id}", GetRun);
        api.MapPost("/runs/{id}/cancel", CancelRun).RequireLabWrite();
        api.MapPost("/runs/{id}/retry", RetryRun).RequireLabWrite();
        api.MapGet("/sweeps/{id}/results.csv", SweepResultsCsv);
        api.MapGet("/sweeps/{id}/compare.{format}", SweepCompareExport);
        api.MapRecordEndpoints();
        api.MapPredictEndpoint();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapArtifactEndpoints();
        return app;
    }

    private static async Task<IResult> CreateSweep(SweepRequest? request, SweepService sweeps, CancellationToken ct)
    {
        if (request is null) return Results.BadRequest(new { errors = new[] { "Body: a JSON sweep request is required." } });
        var created = await sweeps.CreateAsync(request, ct);
        if (created.Id is { } id) return Results.Created($"/api/sweeps/{id}", new { id = id.ToString(), runs = created.Runs });
        return created.Existing is { } twin
            ? Results.Conflict(new { errors = created.Errors, existing = twin.ToString() })
            : Results.BadRequest(new { errors = created.Errors });
    }

    private static async Task<IResult> ListRuns(string? sweep, string? status, RunQueries queries, CancellationToken ct, int page = 0, int size = 100,
        string? q = null, string? tag = null, bool archived = false)
    {
        SweepId? sweepId = null;
        if (sweep is not null)
        {
            if (!SweepId.TryParse(sweep, out var s)) return Results.BadRequest(new { errors = new[] { $"sweep: '{sweep}' is not a sweep id." } });
            if (!await queries.SweepExistsAsync(s, ct)) return Results.NotFound(new { error = $"Sweep {sweep} does not exist." });
            sweepId = s;
        }
        RunStatus? st = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RunStatus>(status, true, out var parsed))
                return Results.BadRequest(new { errors = new[] { $"status: '{status}' is not one of {string.Join(", ", Enum.GetNames<RunStatus>())}." } });
            st = parsed;
        }
        var (text, tags) = SearchText.Parse(q);
        if (!string.IsNullOrWhiteSpace(tag)) tags = [.. tags, tag.Trim().ToLowerInvariant()];
        var result = await queries.QueryAsync(new RunFilter(sweepId, st, Search: text, Tags: tags, IncludeArchived: archived),
            "created", false, page, Math.Clamp(size, 1, 1000), ct);
        return Results.Ok(new { total = result.Total, runs = result.Items.Select(RunJson.Row) });
    }

    private static async Task<IResult> GetRun(string id, RunQueries queries, CancellationToken ct)
    {
        if (!RunId.TryParse(id, out var runId)) return Results.BadRequest(new { errors = new[] { $"id: '{id}' is not a run id." } });
        var detail = await queries.GetAsync(runId, ct);
        return detail is null ? Results.NotFound(new { error = $"Run {id} does not exist." }) : Results.Ok(RunJson.Detail(detail));
    }

    private static async Task<IResult> CancelRun(string id, RunCommands commands, CancellationToken ct) =>
        !RunId.TryParse(id, out var runId)
            ? Results.BadRequest(new { errors = new[] { $"id: '{id}' is not a run id." } })
            : await commands.CancelAsync(runId, ct) switch
            {
                CommandOutcome.Done => Results.Accepted($"/api/runs/{id}", new { id, cancel = "requested" }),
                CommandOutcome.NotFound => Results.NotFound(new { error = $"Run {id} does not exist." }),
                _ => Results.Conflict(new { error = $"Run {id} has already finished." })
            };

    private static async Task<IResult> RetryRun(string id, RunCommands commands, CancellationToken ct) =>
        !RunId.TryParse(id, out var runId)
            ? Results.BadRequest(new { errors = new[] { $"id: '{id}' is not a run id." } })
            : await commands.RetryAsync(runId, ct) switch
            {
                CommandOutcome.Done => Results.Accepted($"/api/runs/{id}", new { id, retry = "queued" }),
                CommandOutcome.NotFound => Results.NotFound(new { error = $"Run {id} does not exist." }),
                _ => Results.Conflict(new { error = $"Run {id} can be retried only when it failed or was cancelled." })
            };

    private static async Task<IResult> SweepResultsCsv(string id, RunQueries queries, CancellationToken ct)
    {
        if (!SweepId.TryParse(id, out var sweepId)) return Results.BadRequest(new { errors = new[] { $"id: '{id}' is not a sweep id." } });
        if (!await queries.SweepExistsAsync(sweepId, ct)) return Results.NotFound(new { error = $"Sweep {id} does not exist." });
        var csv = ResultsCsv.Write(await queries.SweepRunsAsync(sweepId, ct));
        return Results.Text(csv, "text/csv");
    }

    private static async Task<IResult> SweepCompareExport(string id, string format, CompareService compare, CancellationToken ct,
        string metric = MetricKeys.Headline, string scope = "mean", string? rows = null, string? cols = null)
    {
        if (!SweepId.TryParse(id, out var sweepId)) return Results.BadRequest(new { errors = new[] { $"id: '{id}' is not a sweep id." } });
        if (!CompareExport.Formats.Contains(format)) return Results.BadRequest(new { errors = new[] { $"format: use {string.Join(", ", CompareExport.Formats)}." } });
        if (!MetricKeys.IsKnown(metric)) return Results.BadRequest(new { errors = new[] { $"metric: '{metric}' is unknown." } });
        if (!MetricKeys.Scopes.Contains(scope)) return Results.BadRequest(new { errors = new[] { "scope: use mean or pooled." } });
        var data = await compare.LoadAsync(sweepId, ct);
        if (data is null) return Results.NotFound(new { error = $"Sweep {id} does not exist." });
        if (rows is null && cols is null)
        {
            var (content, type, ext) = CompareExport.Render(data, metric, scope, format);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(content), type, $"sweep-{sweepId.Short}-{metric}.{ext}");
        }
        // A pivot: both dimensions must be ones this sweep has (method, scenario, dataset or a setting it varies).
        var dims = PivotDimensions.Available(data);
        rows ??= PivotDimensions.Method;
        cols ??= PivotDimensions.Scenario;
        foreach (var (what, dim) in new[] { ("rows", rows), ("cols", cols) })
            if (!dims.Contains(dim)) return Results.BadRequest(new { errors = new[] { $"{what}: '{SweepRequest.Clip(dim)}' is not a dimension of this sweep (use {string.Join(", ", dims)})." } });
        var table = PivotTable.Build(data, rows, cols, metric, scope);
        var (body, contentType, extension) = PivotExport.Render(data, table, metric, scope, format);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(body), contentType, $"sweep-{sweepId.Short}-{metric}-{rows}-by-{cols}.{extension}");
    }
}
