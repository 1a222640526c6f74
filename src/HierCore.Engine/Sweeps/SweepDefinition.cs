using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;

namespace HierCore.Engine.Sweeps;

/// <summary>
/// A sweep as asked for: datasets × methods × scenarios × seeds × a grid of settings. Grid keys are setting names
/// (any spelling <see cref="RunSettings.Find"/> accepts); values are text, as typed on the command line or in the
/// form, or as sent in JSON. A setting left out of the grid keeps RunSpec's default.
/// </summary>
public sealed record SweepDefinition
{
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public IReadOnlyList<string> Methods { get; init; } = [];
    public IReadOnlyList<string> Scenarios { get; init; } = [];
    public IReadOnlyList<int> Seeds { get; init; } = [0];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Grid { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Device every run uses (not a grid axis: it does not change results).</summary>
    public string Device { get; init; } = RunSettings.Defaults.Device;
}

/// <summary>The runs a sweep will make, in an order that lets consecutive runs share features and banks.</summary>
/// <param name="Count">The number of runs the request asks for, known before expanding (also when over the limit).</param>
/// <param name="Varied">The settings given more than one value, in registry order, with their values.</param>
public sealed record SweepPlan(
    IReadOnlyList<RunSpec> Runs,
    IReadOnlyList<NotApplicablePair> NotApplicable,
    IReadOnlyList<string> Errors,
    int Count,
    IReadOnlyList<(RunSetting Setting, IReadOnlyList<string> Values)> Varied)
{
    public bool IsValid => Errors.Count == 0;

    public static SweepPlan Invalid(IReadOnlyList<string> errors) => new([], [], errors, 0, []);
}
