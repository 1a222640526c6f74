using System.CommandLine;
using HierCore.Engine.Contracts;

namespace HierCore.Cli.Commands;

/// <summary>
/// The options of every run setting, made from the engine's settings registry (names, help and defaults are
/// RunSpec's): <c>run</c> takes one value each, <c>sweep</c> also a comma list (a grid axis).
/// </summary>
public sealed class CommonOptions(bool lists = false)
{
    public Option<string> Dataset { get; } = new("--dataset", "-d")
    {
        Description = lists ? "Comma-separated dataset names under data/datasets (demo, textures, …) or folder paths" : "Dataset name under data/datasets (demo, textures, …) or a folder path",
        Required = true,
    };
    public Option<string?> DataDir { get; } = new("--data-dir") { Description = "Data directory (default: <repo>/data or $HIERCORE_DATA)" };

    /// <summary>One option per registered setting.</summary>
    public IReadOnlyList<(RunSetting Setting, Option Option)> Settings { get; } = RunSettings.All.Select(s => (s, Create(s, lists))).ToList();

    public void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        foreach (var (_, o) in Settings) command.Options.Add(o);
        command.Options.Add(DataDir);
    }

    /// <summary>The settings given on the command line, as text (a flag given bare is "true").</summary>
    public IEnumerable<(RunSetting Setting, string Value)> Given(ParseResult r)
    {
        foreach (var (setting, option) in Settings)
        {
            if (r.GetResult(option) is not { Implicit: false }) continue;
            yield return (setting, option is Option<bool> flag ? RunSetting.ToText(r.GetValue(flag)) : r.GetValue((Option<string>)option) ?? "");
        }
    }

    /// <summary>A spec from RunSpec's defaults and the settings given; a FormatException names a bad value.</summary>
    public RunSpec Spec(ParseResult r, string method, Scenario scenario, int seed) =>
        Given(r).Aggregate(RunSettings.Defaults with { Dataset = r.GetValue(Dataset)!, Method = method, Scenario = scenario, Seed = seed },
            (spec, g) => g.Setting.With(spec, g.Value));

    public string DataDirectory(ParseResult r) => DataDirectories.Resolve(r.GetValue(DataDir));

    static Option Create(RunSetting s, bool lists)
    {
        var help = $"{s.Description} (default {s.Default})";
        if (s.IsFlag) return new Option<bool>(s.Option) { Description = help };
        return new Option<string>(s.Option) { Description = lists && s.Effect != SettingEffect.Execution ? help + "; a comma list makes it a grid axis" : help };
    }
}
