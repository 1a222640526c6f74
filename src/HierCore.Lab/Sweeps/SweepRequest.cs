using System.Text.Json;
using System.Text.Json.Serialization;
using HierCore.Engine.Contracts;
using HierCore.Engine.Sweeps;

namespace HierCore.Lab.Sweeps;

/// <summary>
/// What the New-sweep form and POST /api/sweeps submit: datasets × methods × scenarios × seeds × a grid of settings.
/// Every list also takes a single value. Settings come as top-level properties named after them
/// (<c>"coreset_ratio": [0.01, 0.02]</c> or <c>"lambda": 3</c>) or under <c>"grid"</c>; the engine's settings
/// registry knows them all, so nothing here names a particular setting.
/// </summary>
public sealed class SweepRequest
{
    public const int MaxTextLength = 200;

    public string? Name { get; set; }
    [JsonConverter(typeof(OneOrMany<string>))] public List<string> Dataset { get; set; } = ["demo"];
    [JsonConverter(typeof(OneOrMany<string>))] public List<string> Methods { get; set; } = [.. Engine.Methods.MethodCatalog.Names];
    [JsonConverter(typeof(OneOrMany<string>))] public List<string> Scenarios { get; set; } = [.. ScenarioExtensions.All.Select(s => s.ToString())];
    [JsonConverter(typeof(OneOrMany<int>))] public List<int> Seeds { get; set; } = [0];
    public Dictionary<string, List<string>> Grid { get; set; } = [];

    /// <summary>Top-level settings (<c>"coreset_ratio": …</c>) and anything unknown, which the planner then names.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Settings { get; set; }

    /// <summary>Sets one grid setting (form and tests): <c>request.Set("coreset_ratio", 0.01, 0.02)</c>.</summary>
    public SweepRequest Set(string setting, params object[] values)
    {
        Grid[setting] = values.Select(RunSetting.ToText).ToList();
        return this;
    }

    /// <summary>The engine's sweep, with the Lab's dataset names resolved to what a RunSpec needs.</summary>
    public SweepDefinition ToDefinition(IEnumerable<string> specDatasets, string device, List<string> errors) => new()
    {
        Datasets = specDatasets.ToList(), Methods = Methods ?? [], Scenarios = Scenarios ?? [], Seeds = Seeds ?? [],
        Grid = MergedGrid(errors), Device = device,
    };

    /// <summary>The grid as text values: <c>grid</c> entries and top-level settings, a setting given twice named.</summary>
    public Dictionary<string, IReadOnlyList<string>> MergedGrid(List<string> errors)
    {
        var grid = new Dictionary<string, IReadOnlyList<string>>();
        void Add(string key, IReadOnlyList<string> values)
        {
            var name = RunSettings.Find(key)?.Name ?? key;
            if (!grid.TryAdd(name, values)) errors.Add($"{name}: given twice.");
        }
        foreach (var (key, values) in Grid ?? []) Add(key, values ?? []);
        foreach (var (key, element) in Settings ?? [])
        {
            var values = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
            if (values.Any(v => v.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)))
                errors.Add($"{Clip(key)}: values must be numbers, text or true/false.");
            else Add(key, values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList());
        }
        return grid;
    }

    internal static string Clip(string? text, int max = 120) => text is null ? "" : text.Length <= max ? text : text[..max] + "…";
}

/// <summary>A JSON list that also accepts a single value (<c>"dataset": "demo"</c> or <c>["demo", "textures"]</c>).</summary>
public sealed class OneOrMany<T> : JsonConverter<List<T>>
{
    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.StartArray
            ? JsonSerializer.Deserialize<List<T>>(ref reader, options)
            : reader.TokenType == JsonTokenType.Null ? [] : [JsonSerializer.Deserialize<T>(ref reader, options)!];

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
