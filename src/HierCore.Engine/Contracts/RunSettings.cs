using System.Security.Cryptography;
using System.Text;

namespace HierCore.Engine.Contracts;

/// <summary>
/// The registry of run settings. Adding a setting to RunSpec and one line here is all it takes for the CLI
/// (<c>--option</c> and <c>--grid name=a,b</c>), the API and form (lists), the sweep planner, the shared-work
/// keys, Compare and the reproduce commands to know it.
/// </summary>
public static class RunSettings
{
    /// <summary>A spec with every default, from RunSpec's own initialisers (the one place defaults are written).</summary>
    public static readonly RunSpec Defaults = new() { Dataset = "", Method = "", Scenario = Scenario.S1 };

    public static readonly IReadOnlyList<RunSetting> All =
    [
        Setting(nameof(RunSpec.CoresetRatio), SettingEffect.Coreset, "Coreset size as a fraction of the patches"),
        Setting(nameof(RunSpec.Lambda), SettingEffect.Threshold, "Deployable threshold: anomalous when z > λ"),
        Setting(nameof(RunSpec.Criterion), SettingEffect.Criterion, "Class-wise criterion sample: leave-image-out, leave-neighbours-out:k or folds:F"),
        Setting(nameof(RunSpec.Scale), SettingEffect.Criterion, "Scale of z: z (mean, σ), robust (median, 1.4826·MAD) or shrink:κ (σg pulled toward the pooled σ)",
            appliedAfterFit: true),
        Setting(nameof(RunSpec.Grouping), SettingEffect.Partition, "Groups without training labels: silhouette, max-share:S (largest cluster ≤ S of the images), k:K or ward:T"),
        Setting(nameof(RunSpec.MaxClusters), SettingEffect.Partition, "Cap on K for silhouette grouping"),
        Setting(nameof(RunSpec.Routing), SettingEffect.Routing, "Test image to group: nearest or top2"),
        Setting(nameof(RunSpec.Embedding), SettingEffect.Features, "concat (D=384) or pooled1024 (official PatchCore form)"),
        Setting(nameof(RunSpec.Reweighting), SettingEffect.Scores, "PatchCore eq. 7 image-score re-weighting (b = 9)"),
        Setting(nameof(RunSpec.Resize), SettingEffect.Features, "Resize side before cropping"),
        Setting(nameof(RunSpec.Crop), SettingEffect.Features, "Centre crop side"),
        Setting(nameof(RunSpec.ProjectionDim), SettingEffect.Coreset, "Random projection size used by coreset selection"),
        Setting(nameof(RunSpec.MapsPerClass), SettingEffect.Output, "Anomaly-map images kept per class"),
        Setting(nameof(RunSpec.Device), SettingEffect.Execution, "auto, cpu, cuda or cuda:N"),
    ];

    /// <summary>The settings a sweep may vary (everything that can change a result).</summary>
    public static IEnumerable<RunSetting> Gridable => All.Where(s => s.Effect != SettingEffect.Execution);

    /// <summary>The setting with this name: snake_case, CLI spelling (<c>coreset-ratio</c>) or camelCase; null when unknown.</summary>
    public static RunSetting? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Normalize(name);
        return All.FirstOrDefault(s => s.Name == key);
    }

    /// <summary><c>coresetRatio</c>, <c>--coreset-ratio</c>, <c>Coreset_Ratio</c> → <c>coreset_ratio</c>.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Trim().TrimStart('-'))
        {
            if (char.IsUpper(c) && sb.Length > 0 && sb[^1] != '_') sb.Append('_');
            sb.Append(c == '-' ? '_' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Identity of the work a run shares with others up to a stage: its features and every setting whose effect is
    /// one of <paramref name="effects"/>. Two runs with equal keys compute the same thing at that stage.
    /// </summary>
    public static string Key(RunSpec spec, params SettingEffect[] effects) => Key(spec, s => effects.Contains(s.Effect));

    /// <summary>
    /// Identity of a fitted group model (coreset bank + criterion sample) up to its members: the coreset, scoring and
    /// criterion settings, except those applied to the fitted groups afterwards (<see cref="RunSetting.AppliedAfterFit"/>,
    /// e.g. the scale), which a cached or stored model serves without a rebuild. Every bank cache and the on-disk
    /// bank store key on this.
    /// </summary>
    public static string GroupModelKey(RunSpec spec) =>
        Key(spec, s => s.Effect is SettingEffect.Coreset or SettingEffect.Scores or SettingEffect.Criterion && !s.AppliedAfterFit);

    /// <summary>
    /// What a group's raw scores depend on: its features and the coreset and score settings. Models that differ only in
    /// criterion share them (bank cache), and runs whose banks score alike can stand in for each other (requirement measures).
    /// </summary>
    public static string ScoresKey(RunSpec spec) => Key(spec, SettingEffect.Coreset, SettingEffect.Scores);

    /// <summary>
    /// A run's variant: its features and every setting that can change its result, without the seed (and without the
    /// maps kept or the device). Runs of one dataset, method and scenario with equal variants differ only by seed, so
    /// they are compared and averaged together (requirement measures).
    /// </summary>
    public static string VariantKey(RunSpec spec) =>
        Key(spec, s => s.Effect is not (SettingEffect.Features or SettingEffect.Output or SettingEffect.Execution), withSeed: false);

    static string Key(RunSpec spec, Func<RunSetting, bool> include, bool withSeed = true)
    {
        var sb = new StringBuilder(spec.FeatureKey);
        if (withSeed) sb.Append("|seed=").Append(spec.Seed);
        foreach (var s in All.Where(include))
            sb.Append('|').Append(s.Name).Append('=').Append(s.Format(spec));
        return sb.ToString();
    }

    /// <summary>Short hash of a text key (cache dictionary keys that also cover member lists).</summary>
    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The settings whose value differs from the default, in registry order (what a reproduce command must say).</summary>
    public static IEnumerable<(RunSetting Setting, string Value)> NonDefault(RunSpec spec) =>
        Gridable.Select(s => (s, s.Format(spec))).Where(p => p.Item2 != p.s.Default);

    static RunSetting Setting(string property, SettingEffect effect, string description, bool appliedAfterFit = false) =>
        new(Normalize(property), typeof(RunSpec).GetProperty(property) ?? throw new InvalidOperationException($"RunSpec has no {property}."), effect, description,
            appliedAfterFit);
}
