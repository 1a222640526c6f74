using System.Text.Json.Serialization;
using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;

namespace HierCore.Lab.Api;

/// <summary>Body of POST /api/datasets/generate (snake_case); sizes default to the generators' defaults.</summary>
public sealed class GenerateBody
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "demo";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("image_size")] public int ImageSize { get; set; } = 256;
    [JsonPropertyName("train")] public int Train { get; set; } = 60;
    [JsonPropertyName("test_good")] public int TestGood { get; set; } = 10;
    [JsonPropertyName("test_defective")] public int TestDefective { get; set; } = 20;
    [JsonPropertyName("seed")] public int Seed { get; set; }
}

/// <summary>Datasets generated from the browser or a script, as background jobs with progress.</summary>
public static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasetEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/datasets/generate", (GenerateBody? body, DatasetGeneration generation) =>
        {
            if (body is null) return Results.BadRequest(new { errors = new[] { "Body: a JSON object with kind and name is required." } });
            var request = new GenerateRequest(body.Kind, body.Name, body.ImageSize, body.Train, body.TestGood, body.TestDefective, body.Seed);
            if (generation.Validate(request) is { Count: > 0 } errors) return Results.BadRequest(new { errors });
            var job = generation.Start(request);
            return Results.Accepted($"/api/datasets/jobs/{job.Id}", Json(job));
        }).RequireLabWrite();
        api.MapGet("/datasets/jobs", (DatasetGeneration generation) => Results.Ok(new { jobs = generation.Jobs.Select(Json) }));
        api.MapGet("/datasets/jobs/{id}", (string id, DatasetGeneration generation) =>
            generation.Jobs.FirstOrDefault(j => j.Id == id) is { } job ? Results.Ok(Json(job)) : Results.NotFound(new { error = $"No generation job {id}." }));
        api.MapGet("/datasets", (IDatasetCatalog catalog) => Results.Ok(new
        {
            datasets = catalog.List().Select(d => new { name = d.Name, format = d.Format, classes = d.Classes.Count, train_images = d.TrainImages, test_images = d.TestImages, problem = d.Problem }),
        }));
        return api;
    }

    static object Json(GenerationJob j) => new
    {
        id = j.Id, kind = j.Request.Kind, name = j.Request.Name, status = j.Status.ToString(), done = j.Done, total = j.Total,
        error = j.Error, started_at = j.StartedAt,
    };
}
