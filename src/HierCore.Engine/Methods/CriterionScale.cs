using System.Globalization;

namespace HierCore.Engine.Methods;

/// <summary>
/// How a group's normal-score sample becomes the location and spread of z (the <c>--scale</c> setting):
/// <list type="bullet">
/// <item><c>z</c>: mean and σg (METHOD.md §4, the default).</item>
/// <item><c>robust</c>: median and 1.4826·MAD, so one outlying training normal (a mislabelled or odd image)
/// cannot inflate σg and hide real defects of that group.</item>
/// <item><c>shrink:κ</c>: σg² pulled toward the pooled within-group variance σp² = Σ(ng−1)σg² / Σ(ng−1) as an
/// empirical-Bayes prior worth κ degrees of freedom: σ̃g² = ((ng−1)σg² + κσp²)/((ng−1) + κ). A group whose
/// few normals happen to agree closely would otherwise get a tiny σg and over-amplify every deviation.
/// κ = 0 is <c>z</c>; κ → ∞ gives every group the pooled σ.</item>
/// </list>
/// Applied to all groups of a method at once (shrinkage needs them all); the banks are untouched.
/// </summary>
public sealed record CriterionScale(string Kind, double Kappa)
{
    public const string Default = Contracts.RunSpecDefaults.Scale;

    /// <summary>1/Φ⁻¹(3/4): makes the MAD a consistent estimate of σ for normal data.</summary>
    public const double MadToSigma = 1.4826;

    public static CriterionScale Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t is "z" or "robust") return new CriterionScale(t, 0);
        if (t.StartsWith("shrink:") && double.TryParse(t[7..], NumberStyles.Float, CultureInfo.InvariantCulture, out var k)
            && k >= 0 && !double.IsNaN(k))
            return new CriterionScale("shrink", k);
        throw new ArgumentException($"Unknown scale '{text}'. Use 'z', 'robust' or 'shrink:κ' with κ ≥ 0 (e.g. shrink:20).");
    }

    /// <summary>The criteria of a method's groups with <see cref="DecisionCriterion.Center"/> and Spread set.</summary>
    public IReadOnlyList<DecisionCriterion> Apply(IReadOnlyList<DecisionCriterion> groups) => Kind switch
    {
        "z" => groups.Select(c => c with { Center = c.Mean, Spread = c.Std }).ToArray(),
        "robust" => groups.Select(c => c with
        {
            Center = c.Median,
            Spread = Math.Max(MadToSigma * c.Mad, DecisionCriterion.SpreadFloor(c.Median)),
        }).ToArray(),
        _ => Shrink(groups),
    };

    IReadOnlyList<DecisionCriterion> Shrink(IReadOnlyList<DecisionCriterion> groups)
    {
        var dof = groups.Sum(c => Math.Max(c.Samples - 1, 0));
        var pooled = dof > 0 ? groups.Sum(c => Math.Max(c.Samples - 1, 0) * c.Std * c.Std) / dof : 0;
        return groups.Select(c =>
        {
            double n = Math.Max(c.Samples - 1, 0);
            var variance = Kappa == 0 ? c.Std * c.Std                       // no prior: σg itself
                : double.IsPositiveInfinity(Kappa) ? pooled                       // prior only
                : (n * c.Std * c.Std + Kappa * pooled) / (n + Kappa);
            return c with { Center = c.Mean, Spread = Math.Max(Math.Sqrt(variance), DecisionCriterion.SpreadFloor(c.Mean)) };
        }).ToArray();
    }
}
