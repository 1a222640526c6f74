using HierCore.Engine.Models;

namespace HierCore.Cli.Tests;

/// <summary>`hiercore predict` with a model a run exported: the run's own test images get exactly the run's scores.</summary>
[Collection("cli")]
public class PredictCommandTests(CliFixture cli)
{
    private string DatasetFolder => Path.Combine(cli.DataDirectory, "datasets", cli.Dataset);

    private async Task<(string Model, string Scores)> RunWithModelAsync(string method, string scenario)
    {
        var dir = cli.Temp($"predict-{method}-{scenario}");
        var (model, scores) = (Path.Combine(dir, "m.hcm"), Path.Combine(dir, "scores.csv"));
        Assert.Equal(0, await cli.Run("run", "--dataset", cli.Dataset, "--method", method, "--scenario", scenario, "--device", "cpu",
            "--scores", scores, "--model-out", model));
        Assert.True(File.Exists(model));
        return (model, scores);
    }

    [Theory]
    [InlineData("hiercore", "S1")]   // groups are classes, routed by the known class
    [InlineData("hiercore", "S4")]   // clusters, routed by descriptor
    [InlineData("patchcore-oc", "S2")] // every bank, smallest raw score
    public async Task Predict_on_the_runs_dataset_reproduces_its_scores_csv_exactly(string method, string scenario)
    {
        var (model, scores) = await RunWithModelAsync(method, scenario);
        var outCsv = Path.Combine(Path.GetDirectoryName(model)!, "predicted.csv");
        var maps = Path.Combine(Path.GetDirectoryName(model)!, "maps");
        Assert.Equal(0, await cli.Run("predict", "--model", model, "--images", DatasetFolder, "--out", outCsv, "--maps", maps, "--device", "cpu"));

        var expected = File.ReadAllLines(scores);
        var actual = File.ReadAllLines(outCsv);
        Assert.Equal(expected[0] + ",verdict,map", actual[0]);
        Assert.Equal(expected.Length, actual.Length);
        var lambda = ModelFile.Read(model).Spec.Lambda;
        for (var i = 1; i < expected.Length; i++)
        {
            var row = actual[i].Split(',');
            // class, image id, label, raw score, z, routed group: the same text, digit for digit.
            Assert.Equal(expected[i], string.Join(',', row[..6]));
            var z = double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(z > lambda ? "anomalous" : "normal", row[6]);
            Assert.True(File.Exists(Path.Combine(maps, row[7])), row[7]);
        }
    }

    [Fact]
    public async Task A_plain_folder_of_any_size_images_is_scored_with_a_verdict_and_map_each()
    {
        var (model, _) = await RunWithModelAsync("hiercore", "S3");
        var folder = cli.Temp("loose-images");
        Directory.CreateDirectory(folder);
        var sources = Directory.GetFiles(Path.Combine(DatasetFolder, "disc", "test"), "*.png", SearchOption.AllDirectories).Take(2).ToArray();
        for (var i = 0; i < sources.Length; i++) File.Copy(sources[i], Path.Combine(folder, $"img{i}.png"));
        var outCsv = cli.Temp("loose.csv");
        Assert.Equal(0, await cli.Run("predict", "--model", model, "--images", folder, "--labels-known", "disc", "--out", outCsv, "--maps", cli.Temp("loose-maps"), "--device", "cpu"));
        var rows = File.ReadAllLines(outCsv).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["img0.png", "img1.png"], rows.Select(r => r[1]).ToArray());
        Assert.All(rows, r => Assert.Equal("disc", r[0]));
        Assert.All(rows, r => Assert.Equal("", r[2])); // label unknown
        Assert.All(rows, r => Assert.Contains(r[6], new[] { "anomalous", "normal" }));
        Assert.Equal(2, Directory.GetFiles(cli.Temp("loose-maps"), "*.png").Length);
    }

    [Fact]
    public async Task Truncated_foreign_and_older_model_files_are_refused_with_code_2_and_a_clear_message()
    {
        var (model, _) = await RunWithModelAsync("patchcore", "S3");
        var bytes = File.ReadAllBytes(model);
        var truncated = cli.Temp("bad/truncated.hcm");
        var foreign = cli.Temp("bad/foreign.hcm");
        var older = cli.Temp("bad/older.hcm");
        var flipped = cli.Temp("bad/flipped.hcm");
        Directory.CreateDirectory(cli.Temp("bad"));
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        File.Copy(Directory.GetFiles(DatasetFolder, "*.png", SearchOption.AllDirectories)[0], foreign, overwrite: true);
        var old = (byte[])bytes.Clone();
        BitConverter.GetBytes(ModelFile.Version - 1).CopyTo(old, 8); // the version field follows the 8-byte signature
        File.WriteAllBytes(older, old);
        var damaged = (byte[])bytes.Clone();
        damaged[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(flipped, damaged);

        foreach (var (file, message) in new[] { (truncated, "truncated"), (foreign, "not a HierCore model file"), (older, $"version {ModelFile.Version - 1}"), (flipped, "checksum") })
        {
            Assert.Equal(2, await cli.Run("predict", "--model", file, "--images", DatasetFolder, "--out", cli.Temp("bad/out.csv")));
            var e = Assert.Throws<ModelFileException>(() => ModelFile.Read(file));
            Assert.Contains(message, e.Message);
        }
        Assert.False(File.Exists(cli.Temp("bad/out.csv")));
        Assert.Equal(2, await cli.Run("predict", "--model", cli.Temp("bad/missing.hcm"), "--images", DatasetFolder, "--out", cli.Temp("bad/out.csv")));
    }
}
