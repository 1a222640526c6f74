using System.Security.Cryptography;
using System.Text;
using HierCore.Engine.Contracts;

namespace HierCore.Engine.Methods;

/// <summary>
/// The settings of a run as they concern its group models. Which settings change a model is defined once, by the
/// settings registry (<see cref="RunSettings.GroupModelKey"/>): a new setting registered with a Coreset, Scores or
/// Criterion effect changes every cache key and the on-disk store key automatically. Two groups with the same member
/// images and equal keys are the same model, so a sweep, a grid of settings or a second process builds it once.
/// </summary>
public sealed record BankSettings(RunSpec Spec)
{
    public static BankSettings From(RunSpec spec) => new(spec);

    public double CoresetRatio => Spec.CoresetRatio;
    public int Seed => Spec.Seed;
    public int ProjectionDim => Spec.ProjectionDim;

    /// <summary>What the coreset bank alone depends on (a criterion or re-weighting grid reuses it).</summary>
    public string CoresetKey(IEnumerable<string> memberContentKeys) => Hash(RunSettings.Key(Spec, SettingEffect.Coreset), memberContentKeys);

    /// <summary>What raw scores against the bank depend on (models that differ only in criterion share them).</summary>
    public string ScoresKey(IEnumerable<string> memberContentKeys) =>
        Hash(RunSettings.ScoresKey(Spec), memberContentKeys);

    /// <summary>The model-level settings spelled out (also written beside a stored bank, for people).</summary>
    public string Describe() => RunSettings.GroupModelKey(Spec);

    /// <summary>Identity of a group model: its settings, the stored layout's version and the members' content keys in order.</summary>
    public string Key(IEnumerable<string> memberContentKeys) =>
        Hash(Describe() + "|format=" + GroupModelFormat.Version, memberContentKeys);

    static string Hash(string settings, IEnumerable<string> memberContentKeys)
    {
        var sb = new StringBuilder(settings);
        foreach (var k in memberContentKeys) sb.Append('|').Append(k);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
