using HierCore.Engine.Contracts;

namespace HierCore.Cli.Output;

/// <summary>Writes result.json and scores.csv (atomically: a crash never leaves half a file).</summary>
public static class ResultFiles
{
    public static async Task WriteAsync(RunResult result, string? jsonPath, string? scoresPath, CancellationToken ct)
    {
        if (jsonPath is not null) await WriteTextAsync(jsonPath, ResultJson.Serialize(result), ct);
        if (scoresPath is not null) await WriteTextAsync(scoresPath, ScoresCsv.Write(result.Scores), ct);
    }

    public static async Task WriteTextAsync(string path, string text, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await File.WriteAllTextAsync(temp, text, ct);
        File.Move(temp, full, overwrite: true);
    }
}
