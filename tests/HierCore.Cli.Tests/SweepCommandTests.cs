using System.Text.Json;
using HierCore.Engine.Datasets.Demo;

namespace HierCore.Cli.Tests;

[Collection("cli")]
public class SweepCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Sweep_runs_every_valid_pair_lists_the_rest_and_writes_requirements()
    {
        var json = cli.Temp("sweep/sweep.json");
        var md = cli.Temp("sweep/table.md");
        Assert.Equal(0, await cli.Run("sweep", "--dataset", cli.Dataset, "--methods", "patchcore-oc,hiercore", "--scenarios", "S1,S4",
            "--device", "cpu", "--coreset-ratio", "0.05", "--out", json, "--markdown", md));

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().Select(r => (r.GetProperty("method").GetString(), r.GetProperty("scenario").GetString())).ToArray();
        Assert.Equal([("patchcore-oc", "S1"), ("hiercore", "S1"), ("hiercore", "S4")], runs.OrderBy(r => r.Item1 == "hiercore").ThenBy(r => r.Item2));
        var na = doc.RootElement.GetProperty("not_applicable").EnumerateArray().Single();
        Assert.Equal("patchcore-oc", na.GetProperty("method").GetString());
        Assert.Equal("S4", na.GetProperty("scenario").GetString());
        // R1 of hiercore S1 is measured against patchcore-oc S1 of the same sweep.
        var r1 = doc.RootElement.GetProperty("requirements").GetProperty("r1_per_seed").EnumerateArray()
            .Single(r => r.GetProperty("method").GetString() == "hiercore" && r.GetProperty("scenario").GetString() == "S1");
        Assert.Equal(JsonValueKind.Number, r1.GetProperty("max_delta").ValueKind);
        Assert.Contains("| hiercore |", File.ReadAllText(md));
        Assert.Contains("n/a", File.ReadAllText(md));
    }

    [Fact]
    public async Task An_unknown_method_in_the_list_exits_with_code_2_before_running_anything()
    {
        Assert.Equal(2, await cli.Run("sweep", "--dataset", cli.Dataset, "--methods", "hiercore,bogus"));
    }

    [Fact]
    public async Task A_setting_out_of_bounds_for_one_run_of_the_sweep_exits_with_code_2_before_any_run_starts()
    {
        // Classes of 3 training images: folds:4 suits patchcore (one group of 6) but not patchcore-oc (groups of 3).
        var dataset = cli.Temp($"small-{Guid.NewGuid():N}");
        DemoDatasetGenerator.Generate(dataset, seed: 7, new DemoSize(ImageSize: 64, Train: 3, TestGood: 1, TestDefective: 1, Classes: ["stripes", "disc"]));
        var features = cli.Temp("features");
        int Cached() => Directory.Exists(features) ? Directory.EnumerateFiles(features, "*.bin", SearchOption.AllDirectories).Count() : 0;
        var before = Cached();
        var json = cli.Temp("sweep/bounds.json");

        Assert.Equal(2, await cli.Run("sweep", "--dataset", dataset, "--methods", "patchcore,patchcore-oc", "--scenarios", "S1",
            "--device", "cpu", "--criterion", "folds:4", "--out", json));
        Assert.Equal(before, Cached());   // patchcore S1, planned first, never extracted a feature
        Assert.False(File.Exists(json));
    }
}

[Collection("cli")]
public class CriterionStudyTests(CliFixture cli)
{
    [Fact]
    public async Task A_sweep_over_criterion_variants_records_each_in_its_config_and_study_tabulates_them()
    {
        var json = cli.Temp("study/sweep.json");
        var md = cli.Temp("study/study.md");
        Assert.Equal(0, await cli.Run("sweep", "--dataset", cli.Dataset, "--methods", "hiercore", "--scenarios", "S1",
            "--device", "cpu", "--coreset-ratio", "0.05", "--criterion", "leave-image-out,leave-neighbours-out:2", "--scale", "z,robust", "--out", json));

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var variants = doc.RootElement.GetProperty("runs").EnumerateArray()
            .Select(r => (r.GetProperty("config").GetProperty("criterion").GetString(), r.GetProperty("config").GetProperty("scale").GetString()))
            .Order().ToArray();
        Assert.Equal([("leave-image-out", "robust"), ("leave-image-out", "z"), ("leave-neighbours-out:2", "robust"), ("leave-neighbours-out:2", "z")], variants);

        Assert.Equal(0, await Study(json, "--markdown", md));
        var table = File.ReadAllText(md);
        Assert.Contains("| leave-neighbours-out:2 | robust | hiercore |", table);
        Assert.Contains("| leave-image-out | z | hiercore |", table);
        Assert.Contains("0.13 %", table); // nominal false-alarm rate of z > 3
    }

    [Fact]
    public async Task An_invalid_scale_in_the_list_exits_with_code_2_before_running_anything()
    {
        Assert.Equal(2, await cli.Run("sweep", "--dataset", cli.Dataset, "--methods", "hiercore", "--scale", "z,shrink:-3"));
        Assert.Equal(2, await Study(cli.Temp("study/missing.json")));
    }

    /// <summary>`hiercore study` reads only the files it is given (no --data-dir, which cli.Run adds).</summary>
    static async Task<int> Study(params string[] args) => await CliApp.Create().Parse(["study", .. args]).InvokeAsync();
}
