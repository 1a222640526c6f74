using System.CommandLine;
using System.Globalization;
using HierCore.Engine.Contracts;

namespace HierCore.Cli.Commands;

/// <summary>Options shared by `run` and `sweep`: every setting of a RunSpec, with the engine's RunSpecDefaults.</summary>
public sealed class CommonOptions
{
    public Option<string> Dataset { get; } = new("--dataset", "-d") { Description = "Dataset name under data/datasets (demo, textures, …) or a folder path", Required = true };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed", DefaultValueFactory = _ => RunSpecDefaults.Seed };
    public Option<double> CoresetRatio { get; } = new("--coreset-ratio") { Description = "Coreset size as a fraction of the patches", DefaultValueFactory = _ => RunSpecDefaults.CoresetRatio };
    public Option<string> Embedding { get; } = new("--embedding") { Description = "concat (D=384) or pooled1024 (official PatchCore form)", DefaultValueFactory = _ => RunSpecDefaults.Embedding };
    public Option<int> Resize { get; } = new("--resize") { Description = "Resize side before cropping", DefaultValueFactory = _ => RunSpecDefaults.Resize };
    public Option<int> Crop { get; } = new("--crop") { Description = "Centre crop side", DefaultValueFactory = _ => RunSpecDefaults.Crop };
    public Option<string> Device { get; } = new("--device") { Description = "auto, cpu, cuda or cuda:N", DefaultValueFactory = _ => RunSpecDefaults.Device };
    public Option<bool> Reweighting { get; } = new("--reweighting") { Description = "PatchCore eq. 7 image-score re-weighting (b = 9)" };
    public Option<double> Lambda { get; } = new("--lambda") { Description = "Deployable threshold: anomalous when z > λ", DefaultValueFactory = _ => RunSpecDefaults.Lambda };
    public Option<string> Criterion { get; } = new("--criterion") { Description = "leave-image-out or folds:F", DefaultValueFactory = _ => RunSpecDefaults.Criterion };
    public Option<string> Grouping { get; } = new("--grouping") { Description = "Without training labels: silhouette, k:K or ward:T", DefaultValueFactory = _ => RunSpecDefaults.Grouping };
    public Option<string> Routing { get; } = new("--routing") { Description = "nearest or top2", DefaultValueFactory = _ => RunSpecDefaults.Routing };
    public Option<string?> DataDir { get; } = new("--data-dir") { Description = "Data directory (default: <repo>/data or $HIERCORE_DATA)" };

    public IEnumerable<Option> All => [Dataset, Seed, CoresetRatio, Embedding, Resize, Crop, Device, Reweighting, Lambda, Criterion, Grouping, Routing, DataDir];

    public void AddTo(Command command) { foreach (var o in All) command.Options.Add(o); }

    public RunSpec Spec(ParseResult r, string method, Scenario scenario, int? seed = null) => new()
    {
        Dataset = r.GetValue(Dataset)!,
        Method = method,
        Scenario = scenario,
        Seed = seed ?? r.GetValue(Seed),
        CoresetRatio = r.GetValue(CoresetRatio),
        Embedding = r.GetValue(Embedding)!,
        Resize = r.GetValue(Resize),
        Crop = r.GetValue(Crop),
        Device = r.GetValue(Device)!,
        Reweighting = r.GetValue(Reweighting),
        Lambda = r.GetValue(Lambda),
        Criterion = r.GetValue(Criterion)!,
        Grouping = r.GetValue(Grouping)!,
        Routing = r.GetValue(Routing)!,
    };

    public string DataDirectory(ParseResult r) => DataDirectories.Resolve(r.GetValue(DataDir));

    public static IReadOnlyList<int> ParseInts(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"'{s}' is not an integer."))
            .ToArray();
}
