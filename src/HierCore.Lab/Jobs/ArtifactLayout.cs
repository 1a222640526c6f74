using HierCore.Engine.Contracts;
using HierCore.Lab.Data;

namespace HierCore.Lab.Jobs;

/// <summary>
/// The names of a run's artifacts, the same for both stores: artifacts/{run}/a{attempt}/scores.csv, model.hcm and
/// .../maps/{index}_{class}_{image}.png. Each attempt has its own folder, so a presumed-dead earlier attempt that
/// still finishes never overwrites the attempt that owns the run now.
/// </summary>
public static class ArtifactLayout
{
    public const string Folder = "artifacts";

    public const string ModelFileName = "model" + HierCore.Engine.Models.ModelFile.Extension;

    public static string RunFolder(RunId id) => $"{Folder}/{id.Value:N}";
    public static string AttemptFolder(RunId id, int attempt) => $"{RunFolder(id)}/a{attempt}";

    /// <summary>Each artifact's row (RelativePath set) with its bytes.</summary>
    public static IEnumerable<(Artifact Row, byte[] Bytes)> Of(RunId id, int attempt, RunResult result)
    {
        var dir = AttemptFolder(id, attempt);
        yield return (new Artifact { RunId = id, Kind = ArtifactKind.ScoresCsv, RelativePath = $"{dir}/scores.csv" },
            System.Text.Encoding.UTF8.GetBytes(ScoresCsv.Write(result.Scores)));
        // The fitted model the engine wrote (Lab runners export one per run); the pending file goes after PrepareAsync.
        if (result.ModelFile is { } model && File.Exists(model))
            yield return (new Artifact { RunId = id, Kind = ArtifactKind.Model, RelativePath = $"{dir}/{ModelFileName}" }, File.ReadAllBytes(model));
        for (var i = 0; i < result.Maps.Count; i++)
        {
            var map = result.Maps[i];
            var name = $"{i:D3}_{Safe(map.Class)}_{Safe(Path.GetFileNameWithoutExtension(map.Image))}.png";
            yield return (new Artifact { RunId = id, Kind = ArtifactKind.AnomalyMap, RelativePath = $"{dir}/maps/{name}",
                Class = map.Class, Image = map.Image, Label = map.Label, Score = map.Score }, map.Png);
        }
    }

    private static string Safe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(40).ToArray());
}
