using HierCore.Engine.Contracts;
using HierCore.Engine.Methods;

namespace HierCore.Lab.Sweeps;

/// <summary>What the New-sweep form and POST /api/sweeps submit: dataset × methods × scenarios × settings × seeds.</summary>
public sealed class SweepRequest
{
    public string? Name { get; set; }
    public string Dataset { get; set; } = "demo";
    public List<string> Methods { get; set; } = [.. MethodCatalog.Names];
    public List<string> Scenarios { get; set; } = [.. ScenarioExtensions.All.Select(s => s.ToString())];
    public List<int> Seeds { get; set; } = [RunSpecDefaults.Seed];
    public double CoresetRatio { get; set; } = RunSpecDefaults.CoresetRatio;
    public string Embedding { get; set; } = RunSpecDefaults.Embedding;
    public double Lambda { get; set; } = RunSpecDefaults.Lambda;
    public string Grouping { get; set; } = RunSpecDefaults.Grouping;
    public string Criterion { get; set; } = RunSpecDefaults.Criterion;
    public string Routing { get; set; } = RunSpecDefaults.Routing;
}
