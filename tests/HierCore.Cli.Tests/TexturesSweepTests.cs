using System.Text.Json;
using HierCore.Engine.Datasets.Textures;
using HierCore.Tests.Shared;

namespace HierCore.Cli.Tests;

/// <summary>
/// The real-photo benchmark end to end at a tiny size: build it from Debian's ufoai-textures with the CLI, then
/// sweep it. CI installs the package (.ci/run); a developer machine without it skips, CI never does.
/// </summary>
[Collection("cli")]
public class TexturesSweepTests(CliFixture cli)
{
    [TexturesFact]
    public async Task A_small_textures_dataset_is_built_from_the_package_and_swept()
    {
        var source = TexturesSource.Locate();
        Assert.True(source is not null, "CI must have ufoai-textures installed (.ci/run installs it).");
        var output = cli.Temp("datasets/textures-small");
        Assert.Equal(0, await cli.Run("datasets", "make", "textures", "--source", source!, "--out", output,
            "--train", "5", "--test-good", "2", "--defects-per-type", "1"));
        Assert.True(TexturesGenerator.IsComplete(output));

        var json = cli.Temp("textures-sweep.json");
        Assert.Equal(0, await cli.Run("sweep", "--dataset", output, "--methods", "patchcore,hiercore", "--scenarios", "S1,S4",
            "--device", "cpu", "--coreset-ratio", "0.02", "--out", json));
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(4, runs.Length);
        Assert.All(runs, r => Assert.Equal(8, r.GetProperty("per_class").GetArrayLength()));
        Assert.All(runs, r => Assert.InRange(r.GetProperty("headline").GetDouble(), 0.0, 1.0));
    }
}
