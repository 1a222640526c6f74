using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace HierCore.Engine.Contracts;

/// <summary>
/// The one JSON form of results, specs and API bodies (snake_case; NaN written as null), shared by the CLI's
/// result.json, the dashboard's database and its API. Reading also accepts the camelCase and PascalCase names,
/// so clients written for .NET's web defaults (<c>coresetRatio</c>) keep working.
/// </summary>
public static class ResultJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: true);
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        return options;
    }

    /// <summary>Applies the convention to options someone else owns (ASP.NET Core's HTTP JSON options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new NanAsNullConverter());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AcceptCamelCase } };
    }

    public static string Serialize<T>(T value, bool indented = true) => JsonSerializer.Serialize(value, indented ? Options : Compact);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty JSON for {typeof(T).Name}.");

    /// <summary>
    /// Adds a read-only alias under the camelCase name to every settable property whose snake_case name differs
    /// (coreset_ratio ← coresetRatio). The alias has no getter, so nothing is ever written under it.
    /// </summary>
    static void AcceptCamelCase(JsonTypeInfo info)
    {
        // Types built through a constructor (positional records) bind parameters by name: an alias would be a second
        // candidate for the same parameter. Request bodies have settable properties, so they get the aliases.
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.GetConstructor(Type.EmptyTypes) is null) return;
        var names = info.Properties.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in info.Properties.ToArray())
        {
            if (property.Set is null || property.AttributeProvider is not MemberInfo member) continue;
            var camel = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (!names.Add(camel)) continue;
            var alias = info.CreateJsonPropertyInfo(property.PropertyType, camel);
            alias.Set = property.Set;
            alias.CustomConverter = property.CustomConverter;
            info.Properties.Add(alias);
        }
    }

    /// <summary>JSON has no NaN: an undefined metric (e.g. AUROC of a class without anomalies) is null.</summary>
    sealed class NanAsNullConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value); else writer.WriteNullValue();
        }
    }
}
