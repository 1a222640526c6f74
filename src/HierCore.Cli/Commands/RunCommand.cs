using System.CommandLine;
using HierCore.Cli.Output;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;
using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>`hiercore run`: one method in one scenario on one dataset.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var method = new Option<string>("--method", "-m") { Description = string.Join(", ", MethodCatalog.Names), Required = true };
        var scenario = new Option<string>("--scenario", "-s") { Description = string.Join(", ", ScenarioExtensions.All), Required = true };
        var output = new Option<string?>("--out") { Description = "Write result.json here" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => RunSettings.Defaults.Seed };
        var scores = new Option<string?>("--scores") { Description = "Write per-image scores.csv here" };
        var modelOut = new Option<string?>("--model-out") { Description = "Write the fitted model (.hcm, for hiercore predict) here" };
        var command = new Command("run", "Run one method in one scenario and print its per-class table and headline.") { method, scenario, seed, output, scores, modelOut };
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            RunSpec spec;
            try
            {
                if (!MethodCatalog.Names.Contains(parse.GetValue(method)!.ToLowerInvariant()))
                    throw new ArgumentException($"Unknown method '{parse.GetValue(method)}'. Use one of: {string.Join(", ", MethodCatalog.Names)}.");
                spec = common.Spec(parse, parse.GetValue(method)!.ToLowerInvariant(), ScenarioExtensions.Parse(parse.GetValue(scenario)!), parse.GetValue(seed));
                RunSpecValidation.Validate(spec);
            }
            catch (Exception e) when (e is ArgumentException or FormatException) { return ExitCodes.Invalid(e.Message); }

            using var runner = new ExperimentRunner(common.DataDirectory(parse)) { ExportModels = parse.GetValue(modelOut) is not null };
            try
            {
                var result = await ConsoleProgress.RunAsync(spec.Method + " " + spec.Scenario, p => runner.RunAsync(spec, p, ct));
                ResultTables.PrintRun(result);
                await ResultFiles.WriteAsync(result, parse.GetValue(output), parse.GetValue(scores), ct);
                if (result.ModelFile is { } fitted && parse.GetValue(modelOut) is { } target)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                    File.Move(fitted, target, overwrite: true);
                }
                return 0;
            }
            catch (NotApplicableException e) { return ExitCodes.Invalid(e.Message); }
            catch (DatasetException e) { return ExitCodes.Invalid(e.Message); }
            catch (ArgumentException e) { return ExitCodes.Invalid(e.Message); }
            catch (OperationCanceledException) { AnsiConsole.MarkupLine("[yellow]Cancelled.[/]"); return 130; }
        });
        return command;
    }
}
