using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;
using Microsoft.AspNetCore.StaticFiles;

namespace HierCore.Lab.Api;

/// <summary>Files under data/ (anomaly maps, scores.csv) and dataset thumbnails; nothing outside those roots.</summary>
public static class ArtifactEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapArtifactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/artifacts/{**path}", (string path, LabPaths paths) =>
        {
            // Decoded once more (an encoded ../ stays encoded through routing), then held inside data/artifacts:
            // the databases and datasets under data/ are not served.
            var full = paths.ResolveUnderData(Uri.UnescapeDataString(path));
            if (full is null || !full.StartsWith(paths.ArtifactsDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return Results.BadRequest(new { error = "Path must stay inside the data directory's artifacts folder." });
            return File.Exists(full) ? Results.File(full, ContentType(full)) : Results.NotFound(new { error = $"No artifact '{path}'." });
        });
        app.MapGet("/api/datasets/{name}/thumbnail/{cls}", (string name, string cls, IDatasetCatalog catalog, LabPaths paths) =>
        {
            var file = catalog.List().FirstOrDefault(d => d.Name == name)?.Classes.FirstOrDefault(c => c.Name == cls)?.Thumbnail;
            // Only files under a configured dataset root are served.
            if (file is null || !paths.DatasetRoots.Any(r => Path.GetFullPath(file).StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                return Results.NotFound(new { error = $"No thumbnail for {name}/{cls}." });
            return Results.File(file, ContentType(file));
        });
        return app;
    }

    private static string ContentType(string file) =>
        ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
}
