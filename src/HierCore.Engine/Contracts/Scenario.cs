namespace HierCore.Engine.Contracts;

/// <summary>The four label scenarios of the study (METHOD.md §1).</summary>
public enum Scenario { S1, S2, S3, S4 }

public static class ScenarioExtensions
{
    /// <summary>Class labels are handed to Fit.</summary>
    public static bool TrainLabels(this Scenario s) => s is Scenario.S1 or Scenario.S2;

    /// <summary>Class labels are handed to Score (and metrics are read per class for the headline).</summary>
    public static bool EvalLabels(this Scenario s) => s is Scenario.S1 or Scenario.S3;

    public static Scenario Parse(string text) =>
        Enum.TryParse<Scenario>(text.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s)
            ? s
            : throw new ArgumentException($"Unknown scenario '{text}'. Use S1, S2, S3 or S4.");

    public static readonly IReadOnlyList<Scenario> All = [Scenario.S1, Scenario.S2, Scenario.S3, Scenario.S4];
}
