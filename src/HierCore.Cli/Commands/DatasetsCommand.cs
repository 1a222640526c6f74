using System.CommandLine;
using System.Diagnostics;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets.Textures;
using HierCore.Engine.Datasets;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>`hiercore datasets make demo|textures` and `hiercore datasets list`.</summary>
public static class DatasetsCommand
{
    public static Command Create()
    {
        var datasets = new Command("datasets", "Generate and list datasets.");
        var make = new Command("make", "Generate a shipped dataset (deterministic from a seed).");
        make.Subcommands.Add(MakeDemo());
        make.Subcommands.Add(MakeTextures());
        datasets.Subcommands.Add(make);
        datasets.Subcommands.Add(List());
        return datasets;
    }

    static Command MakeDemo()
    {
        var output = new Option<string?>("--out") { Description = "Output folder (default: <data>/datasets/demo)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0, Description = "Random seed" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory" };
        var train = new Option<int?>("--train") { Description = "Train/good images per class (default 60)" };
        var testGood = new Option<int?>("--test-good") { Description = "Test/good images per class (default 10)" };
        var testDefective = new Option<int?>("--test-defective") { Description = "Defective test images per class (default 20)" };
        var imageSize = new Option<int?>("--image-size") { Description = "Image side in pixels (default 256)" };
        var command = new Command("demo", "The procedural demo dataset (6 classes, exact masks).") { output, seed, dataDir, train, testGood, testDefective, imageSize };
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output) ?? new DataLayout(DataDirectories.Resolve(parse.GetValue(dataDir))).Dataset(DemoDatasetGenerator.Name);
            var d = DemoSize.Default;
            var size = d with
            {
                Train = parse.GetValue(train) ?? d.Train,
                TestGood = parse.GetValue(testGood) ?? d.TestGood,
                TestDefective = parse.GetValue(testDefective) ?? d.TestDefective,
                ImageSize = parse.GetValue(imageSize) ?? d.ImageSize,
            };
            if (size.Train < 1 || size.TestGood < 0 || size.TestDefective < 0 || size.ImageSize < 32)
                return ExitCodes.Invalid("Demo size: need --train ≥ 1, --test-good ≥ 0, --test-defective ≥ 0 and --image-size ≥ 32.");
            var clock = Stopwatch.StartNew();
            try { DemoDatasetGenerator.Generate(Path.GetFullPath(outDir), parse.GetValue(seed), size); }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }
            AnsiConsole.MarkupLine($"demo dataset written to [green]{Markup.Escape(Path.GetFullPath(outDir))}[/] in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }

    static Command MakeTextures()
    {
        var source = new Option<string?>("--source") { Description = "ufoai-textures: extracted package folder, 0textures.pk3 or the .deb (default: look in the usual places)" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: <data>/datasets/textures)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0, Description = "Random seed" };
        var train = new Option<int?>("--train") { Description = "Train/good images per class" };
        var testGood = new Option<int?>("--test-good") { Description = "Test/good images per class" };
        var defects = new Option<int?>("--defects-per-type") { Description = "Test images per defect type per class" };
        var split = new Option<string>("--split") { DefaultValueFactory = _ => "iid", Description = "iid: train and test crops from all photos of a class at random non-overlapping positions; bands: the drift benchmark (train and test from disjoint bands)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory" };
        var command = new Command(TexturesGenerator.Name, "The real-photo benchmark: ufoai-textures photographs with synthetic defects.") { source, output, seed, train, testGood, defects, split, dataDir };
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output) ?? new DataLayout(DataDirectories.Resolve(parse.GetValue(dataDir))).Dataset(TexturesGenerator.Name);
            var src = parse.GetValue(source) ?? TexturesSource.Locate();
            if (src is null) return ExitCodes.Invalid("ufoai-textures not found: pass --source (the package folder, its 0textures.pk3 or the .deb; `apt-get download ufoai-textures` fetches it).");
            TexturesSplit chosen;
            try { chosen = TexturesOptions.ParseSplit(parse.GetValue(split)!); }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }
            var defaults = new TexturesOptions(src, Path.GetFullPath(outDir), parse.GetValue(seed)) { Split = chosen };
            var options = defaults with
            {
                TrainPerClass = parse.GetValue(train) ?? defaults.TrainPerClass,
                TestGoodPerClass = parse.GetValue(testGood) ?? defaults.TestGoodPerClass,
                DefectsPerType = parse.GetValue(defects) ?? defaults.DefectsPerType,
            };
            var clock = Stopwatch.StartNew();
            try
            {
                AnsiConsole.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask(TexturesGenerator.Name, maxValue: 1);
                    TexturesGenerator.Generate(options, new Progress<(int done, int total)>(p => task.Value = p.total == 0 ? 0 : (double)p.done / p.total));
                    task.Value = 1;
                });
            }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }
            AnsiConsole.MarkupLine($"textures dataset written to [green]{Markup.Escape(options.OutputDirectory)}[/] in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }

    static Command List()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory" };
        var command = new Command("list", "List datasets under <data>/datasets with their classes and counts.") { dataDir };
        command.SetAction(parse =>
        {
            var root = new DataLayout(DataDirectories.Resolve(parse.GetValue(dataDir))).Datasets;
            var table = new Table().AddColumns("dataset", "format", "classes", "train", "test", "anomalous");
            foreach (var name in DatasetCatalog.Discover(root))
            {
                var d = DatasetCatalog.Describe(Path.Combine(root, name), name);
                if (d.Problem is { } problem) table.AddRow(name, "[red]invalid[/]", Markup.Escape(problem), "", "", "");
                else table.AddRow(name, d.Format, d.Classes.Count.ToString(), d.TrainImages.ToString(), d.TestImages.ToString(), d.DefectiveImages.ToString());
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
