namespace HierCore.Lab.Sweeps;

/// <summary>What the New-sweep form and POST /api/sweeps submit: dataset × methods × scenarios × settings × seeds.</summary>
public sealed class SweepRequest
{
    public string? Name { get; set; }
    public string Dataset { get; set; } = "demo";
    public List<string> Methods { get; set; } = ["patchcore", "patchcore-oc", "hiercore"];
    public List<string> Scenarios { get; set; } = ["S1", "S2", "S3", "S4"];
    public List<int> Seeds { get; set; } = [0];
    public double CoresetRatio { get; set; } = 0.1;
    public string Embedding { get; set; } = "concat";
    public double Lambda { get; set; } = 3.0;
    public string Grouping { get; set; } = "silhouette";
    public string Criterion { get; set; } = "leave-image-out";
    public string Scale { get; set; } = HierCore.Engine.Methods.CriterionScale.Default;
    public string Routing { get; set; } = "nearest";
}
