using System.Globalization;
using System.Reflection;

namespace HierCore.Engine.Contracts;

/// <summary>
/// What a setting changes, from the earliest stage of a run to the latest. Work that only depends on earlier
/// stages is shared between runs that differ in a later one: a λ grid reuses banks and scores, a criterion grid
/// reuses coresets, and only a feature setting makes the backbone run again.
/// </summary>
public enum SettingEffect
{
    /// <summary>The patch features (backbone input size, embedding): everything is recomputed.</summary>
    Features,
    /// <summary>Which training images form a group (clustering without labels): the banks of other groups.</summary>
    Partition,
    /// <summary>The coreset bank itself (its size, its projection).</summary>
    Coreset,
    /// <summary>The raw image score against a bank (re-weighting): bank reused, scores and criterion recomputed.</summary>
    Scores,
    /// <summary>The class-wise criterion (μ, σ) only: coresets and raw scores reused.</summary>
    Criterion,
    /// <summary>Which groups a test image is scored against: banks reused.</summary>
    Routing,
    /// <summary>The verdict threshold only: banks and scores reused.</summary>
    Threshold,
    /// <summary>What is written out (anomaly maps): results unchanged.</summary>
    Output,
    /// <summary>Where it runs (device): results unchanged, never part of a grid or a reproduce command.</summary>
    Execution,
}

/// <summary>
/// One run setting as every front end sees it: its snake_case name (API, result.json, grid keys), its CLI option,
/// what it changes, and how its value is read from text. The value itself and its default live only in
/// <see cref="RunSpec"/>; a setting reads and writes the RunSpec property it describes.
/// </summary>
public sealed class RunSetting(string name, PropertyInfo property, SettingEffect effect, string description, bool appliedAfterFit = false)
{
    public string Name { get; } = name;

    /// <summary>
    /// Applied by the method to its fitted groups all at once (e.g. the scale, which shrinkage computes across groups),
    /// so it is not part of a group model's identity: a cached or stored model serves every value.
    /// </summary>
    public bool AppliedAfterFit { get; } = appliedAfterFit;
    public string Description { get; } = description;
    public SettingEffect Effect { get; } = effect;
    public Type Type => property.PropertyType;

    /// <summary>The CLI option: <c>coreset_ratio</c> → <c>--coreset-ratio</c>.</summary>
    public string Option => "--" + Name.Replace('_', '-');

    /// <summary>A human label: <c>coreset_ratio</c> → "Coreset ratio".</summary>
    public string Label => char.ToUpperInvariant(Name[0]) + Name[1..].Replace('_', ' ');

    public bool IsNumeric => Type == typeof(double) || Type == typeof(int);
    public bool IsFlag => Type == typeof(bool);

    /// <summary>The default as text, read from RunSpec's own initialiser.</summary>
    public string Default => Format(RunSettings.Defaults);

    public object? Value(RunSpec spec) => property.GetValue(spec);

    /// <summary>The value of this setting in a spec, as the text that parses back to it.</summary>
    public string Format(RunSpec spec) => ToText(property.GetValue(spec));

    /// <summary>A copy of the spec with this setting set from text; a FormatException names the setting and the value.</summary>
    public RunSpec With(RunSpec spec, string text)
    {
        var copy = spec with { };
        property.SetValue(copy, Parse(text)); // init-only setters are plain setters to reflection; the copy is ours
        return copy;
    }

    /// <summary>The typed value of a text, or a FormatException naming the setting.</summary>
    public object Parse(string text)
    {
        var t = (text ?? "").Trim();
        if (Type == typeof(string)) return t;
        if (Type == typeof(double) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        if (Type == typeof(int) && int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        if (Type == typeof(bool))
            switch (t.ToLowerInvariant())
            {
                case "true" or "on" or "yes" or "1": return true;
                case "false" or "off" or "no" or "0": return false;
            }
        var kind = Type == typeof(bool) ? "true or false" : Type == typeof(int) ? "a whole number" : "a number";
        throw new FormatException($"{Label}: '{Clip(t)}' is not {kind}.");
    }

    /// <summary>Canonical text of a value (invariant culture, shortest round-trip for doubles, lower-case booleans).</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";

    public override string ToString() => Name;
}
