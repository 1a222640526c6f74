using System.CommandLine;
using HierCore.Cli.Output;
using HierCore.Engine.Datasets;
using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Models;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>`hiercore predict`: score a folder of images with a fitted model (.hcm) downloaded from a run.</summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model file (.hcm) from a run (GET /api/runs/{id}/model or hiercore run --model-out)", Required = true };
        var images = new Option<string>("--images") { Description = "Folder of images (any size; a dataset folder in MVTec/VisA layout gives its test images with their ids)", Required = true };
        var known = new Option<string?>("--labels-known") { Description = "The class of the images (used for routing where the model's scenario gives classes at test time)" };
        var output = new Option<string>("--out") { Description = "Write the per-image scores CSV here", Required = true };
        var maps = new Option<string?>("--maps") { Description = "Write one z-map picture per image into this folder" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory (feature cache; default: <repo>/data or $HIERCORE_DATA)" };
        var device = new Option<string>("--device") { Description = RunSettings.Find(nameof(RunSpec.Device))!.Description, DefaultValueFactory = _ => RunSettings.Defaults.Device };
        var command = new Command("predict", "Score images with a fitted model: routing, z, deployable verdict (z > λ) and a map per image.")
            { model, images, known, output, maps, dataDir, device };
        command.SetAction(async (parse, ct) =>
        {
            FittedModel fitted;
            IReadOnlyList<PredictInput> inputs;
            try
            {
                fitted = ModelFile.Read(parse.GetValue(model)!);
                inputs = ModelPredictor.Inputs(parse.GetValue(images)!, parse.GetValue(known));
                if (inputs.Count == 0) return ExitCodes.Invalid($"No test images of class '{parse.GetValue(known)}' under '{parse.GetValue(images)}'.");
            }
            catch (ModelFileException e) { return ExitCodes.Invalid(e.Message); }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }

            var spec = fitted.Spec;
            AnsiConsole.MarkupLine($"[grey]Model:[/] {Markup.Escape(spec.Method)} {spec.Scenario} on {Markup.Escape(spec.Dataset)}, " +
                                   $"{fitted.Groups.Count} group(s), {Markup.Escape(fitted.BackboneId)}, λ = {spec.Lambda}; {inputs.Count} image(s).");
            using var features = new FeatureStore(Path.Combine(DataDirectories.Resolve(parse.GetValue(dataDir)), "features"));
            try
            {
                var scored = await ConsoleProgress.RunAsync("predict", p => Task.Run(() =>
                    ModelPredictor.Predict(fitted with { Spec = spec with { Device = parse.GetValue(device)! } }, inputs, features, p, ct), ct));
                var mapFiles = await WriteMapsAsync(scored, spec, parse.GetValue(maps), ct);
                await ResultFiles.WriteTextAsync(parse.GetValue(output)!, ModelPredictor.Csv(scored, mapFiles), ct);
                var anomalous = scored.Count(s => s.Anomalous);
                AnsiConsole.MarkupLine($"{scored.Count} image(s) scored: [red]{anomalous} anomalous[/], [green]{scored.Count - anomalous} normal[/] (z > {spec.Lambda}). " +
                                       $"Scores: {Markup.Escape(parse.GetValue(output)!)}");
                return 0;
            }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }
            catch (OperationCanceledException) { AnsiConsole.MarkupLine("[yellow]Cancelled.[/]"); return 130; }
        });
        return command;
    }

    static async Task<IReadOnlyList<string?>> WriteMapsAsync(IReadOnlyList<PredictedImage> scored, RunSpec spec, string? folder, CancellationToken ct)
    {
        if (folder is null) return new string?[scored.Count];
        Directory.CreateDirectory(folder);
        var names = new string?[scored.Count];
        for (var i = 0; i < scored.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            names[i] = $"{i:D4}_{Safe(scored[i].Input.Id)}.png";
            await File.WriteAllBytesAsync(Path.Combine(folder, names[i]!), ModelPredictor.RenderMap(scored[i], spec), ct);
        }
        return names;
    }

    static string Safe(string id) => new(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').TakeLast(60).ToArray());
}
