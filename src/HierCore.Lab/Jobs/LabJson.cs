using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;

namespace HierCore.Lab.Jobs;

/// <summary>JSON for specs and results: the engine's ResultJson (snake_case, NaN written as null and read back as NaN),
/// so the dashboard, its API and the CLI's result.json agree.</summary>
public static class LabJson
{
    public static string Serialize<T>(T value) => ResultJson.Serialize(value, indented: false);
    public static T Deserialize<T>(string json) => ResultJson.Deserialize<T>(json);
}
