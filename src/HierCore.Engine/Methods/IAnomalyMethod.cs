using HierCore.Engine.Features;

namespace HierCore.Engine.Methods;

/// <summary>
/// One anomaly-detection method. Fit and Score receive only what the scenario allows: class labels are
/// null when withheld (METHOD.md §1.1), and the feature sets carry no class information.
/// </summary>
public interface IAnomalyMethod : IDisposable
{
    string Name { get; }

    void Fit(FeatureSet train, IReadOnlyList<string>? classLabels, MethodContext context);

    IReadOnlyList<Prediction> Score(FeatureSet test, IReadOnlyList<string>? classLabels, MethodContext context);

    /// <summary>The groups of the upper memory level, with their deployable criteria.</summary>
    IReadOnlyList<NamedGroup> Groups { get; }

    /// <summary>Group of each training image (for clustering purity/NMI), in training order.</summary>
    IReadOnlyList<int> TrainingGroups { get; }
}

/// <summary>A group of the upper memory level: a class name, a cluster name, or "all".</summary>
public sealed record NamedGroup(string Name, GroupModel Model);
