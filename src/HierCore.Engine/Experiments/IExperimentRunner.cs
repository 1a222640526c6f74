namespace HierCore.Engine.Experiments;

/// <summary>Runs one spec end to end: load dataset, features (cached), fit, score, evaluate.</summary>
public interface IExperimentRunner
{
    /// <summary>Throws <see cref="Datasets.DatasetException"/> for bad data and
    /// <see cref="NotApplicableException"/> for a method/scenario pair that cannot run.</summary>
    Task<RunResult> RunAsync(RunSpec spec, IProgress<RunProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>The method cannot run in this scenario (e.g. patchcore-oc without training labels).</summary>
public sealed class NotApplicableException(string message) : Exception(message);
