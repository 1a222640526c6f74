namespace HierCore.Engine.Datasets;

/// <summary>A loaded dataset: every class with its train normals and labelled test images.</summary>
public sealed record AnomalyDataset(
    string Name,
    string Root,
    string Format,
    IReadOnlyList<string> Classes,
    IReadOnlyList<ImageSample> Train,
    IReadOnlyList<ImageSample> Test);
