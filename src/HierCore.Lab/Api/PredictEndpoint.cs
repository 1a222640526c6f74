using System.Threading.RateLimiting;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Records;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Api;

/// <summary>
/// POST /api/runs/{id}/predict: multipart image files (and an optional "class" field) scored with the run's fitted
/// model, answered in scores.csv's snake_case names plus the verdict (and, with ?maps=true, each z-map as a data URL).
/// A write (sign-in when Auth:Enabled), rate-limited per user or client address: scoring costs seconds of CPU.
/// </summary>
public static class PredictEndpoint
{
    public const string RateLimitPolicy = "predict";

    public static RouteGroupBuilder MapPredictEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/runs/{id}/predict", PredictAsync).RequireLabWrite().RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery(); // a script's multipart POST carries no form token; the sign-in cookie is SameSite=Strict
        return api;
    }

    /// <summary>Lab:PredictRequestsPerMinute per signed-in user, or per client address when sign-in is off.</summary>
    public static IServiceCollection AddPredictRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy<string, PredictRateLimit>(RateLimitPolicy));

    private static async Task<IResult> PredictAsync(string id, HttpContext http, UploadScoring scoring, CancellationToken ct, bool maps = false)
    {
        if (!RunId.TryParse(id, out var runId)) return Results.BadRequest(new { errors = new[] { $"id: '{id}' is not a run id." } });
        if (!http.Request.HasFormContentType)
            return Results.BadRequest(new { errors = new[] { "Body: multipart/form-data with one or more image files (and optionally a \"class\" field)." } });
        // The whole request may hold MaxFiles images of MaxFileBytes each (plus the multipart framing), no more.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = scoring.MaxFiles * scoring.MaxFileBytes + 1024 * 1024;
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(ct); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(new { error = $"The request is too large: at most {scoring.MaxFiles} images of {Components.Shared.Fmt.Bytes(scoring.MaxFileBytes)} each." },
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException e) { return Results.BadRequest(new { errors = new[] { $"Body: not a readable multipart form ({e.Message})." } }); }

        if (scoring.CheckSelection(form.Files.Select(f => (f.FileName, f.Length)).ToList()) is { } early) return Refusal(early);
        var images = new List<UploadedImage>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            images.Add(new UploadedImage(file.FileName, buffer.ToArray()));
        }
        var result = await scoring.ScoreAsync(runId, images, form["class"].FirstOrDefault(), null, ct);
        if (result.Refusal != UploadRefusal.None) return Refusal(result);
        return Results.Ok(new
        {
            run = runId.ToString(),
            lambda = result.Lambda,
            images = result.Images.Select(s => new
            {
                image = s.File, @class = s.Class, score = s.Score, normalized_score = s.Z, routed_group = s.Group,
                verdict = s.Anomalous ? "anomalous" : "normal",
                map = maps ? "data:image/png;base64," + Convert.ToBase64String(s.MapPng) : null,
            }),
        });
    }

    private static IResult Refusal(UploadScoringResult r) => r.Refusal switch
    {
        UploadRefusal.UnknownRun => Results.NotFound(new { error = r.Error }),
        UploadRefusal.NoModel => Results.Conflict(new { error = r.Error }),
        UploadRefusal.TooLarge => Results.Json(new { error = r.Error }, statusCode: StatusCodes.Status413PayloadTooLarge),
        _ => Results.BadRequest(new { errors = new[] { r.Error } }),
    };

    /// <summary>A fixed window per caller; the rejection says when to come back.</summary>
    private sealed class PredictRateLimit(IOptionsMonitor<LabOptions> options) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext http)
        {
            var caller = LabAccess.IsSignedIn(http.User) ? "user:" + http.User.Identity!.Name : "ip:" + http.Connection.RemoteIpAddress;
            var perMinute = Math.Max(1, options.CurrentValue.PredictRequestsPerMinute);
            return RateLimitPartition.GetFixedWindowLimiter(caller,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.HttpContext.Response.WriteAsJsonAsync(new { error = $"Too many scoring requests; try again in {seconds} s (Lab:PredictRequestsPerMinute)." }, ct);
        };
    }
}
