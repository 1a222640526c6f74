using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HierCore.Engine.Contracts;

namespace HierCore.Engine.Methods;

/// <summary>
/// Every setting that changes a group model (coreset bank + criterion), and nothing else: two groups with the same
/// member images and equal settings are the same model, so a sweep, a grid of settings or a second process builds
/// it once. A new setting that changes banks or criteria is added here (record member, <see cref="From"/> and
/// <see cref="Describe"/>), and every cache and the on-disk store key on it automatically.
/// </summary>
public sealed record BankSettings(string FeatureKey, double CoresetRatio, int Seed, int ProjectionDim, string Criterion, bool Reweighting)
{
    public static BankSettings From(RunSpec spec) =>
        new(spec.FeatureKey, spec.CoresetRatio, spec.Seed, spec.ProjectionDim, spec.Criterion, spec.Reweighting);

    /// <summary>The settings spelled out (also written beside a stored bank, for people).</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{FeatureKey}|ratio={CoresetRatio:R}|seed={Seed}|projection={ProjectionDim}|criterion={Criterion.Trim().ToLowerInvariant()}|reweighting={Reweighting}");

    /// <summary>Identity of a group model: these settings, the stored layout's version and the members' content keys in order.</summary>
    public string Key(IEnumerable<string> memberContentKeys)
    {
        var sb = new StringBuilder(Describe()).Append("|format=").Append(GroupModelFormat.Version);
        foreach (var k in memberContentKeys) sb.Append('|').Append(k);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
