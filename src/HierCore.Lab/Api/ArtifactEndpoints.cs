using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using Microsoft.AspNetCore.StaticFiles;

namespace HierCore.Lab.Api;

/// <summary>Files under data/ (anomaly maps, scores.csv) and dataset thumbnails; nothing outside those roots.</summary>
public static class ArtifactEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapArtifactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/artifacts/{**path}", async (string path, IArtifactStore store, CancellationToken ct) =>
        {
            // Decoded once more (an encoded ../ stays encoded through routing); the store then serves only what is
            // inside data/artifacts after following links (files) or what a run stored (database).
            var content = await store.OpenAsync(Uri.UnescapeDataString(path), ct);
            return content is null
                ? Results.NotFound(new { error = $"No artifact '{path}' (only files a run stored under data/artifacts are served)." })
                : Results.Stream(content.Stream, ContentType(content.FileName));
        });
        app.MapGet("/api/datasets/{name}/thumbnail/{cls}", (string name, string cls, IDatasetCatalog catalog, LabPaths paths) =>
        {
            var file = catalog.List().FirstOrDefault(d => d.Name == name)?.Classes.FirstOrDefault(c => c.Name == cls)?.Thumbnail;
            // Only files under a configured dataset root are served.
            if (file is null || !paths.DatasetRoots.Any(r => RealPath.IsInside(file, r)))
                return Results.NotFound(new { error = $"No thumbnail for {name}/{cls}." });
            return Results.File(file, ContentType(file));
        });
        return app;
    }

    private static string ContentType(string file) =>
        ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
}
