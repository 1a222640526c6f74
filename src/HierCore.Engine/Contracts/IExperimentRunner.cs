namespace HierCore.Engine.Contracts;

/// <summary>Runs one spec end to end: load dataset, features (cached), fit, score, evaluate.</summary>
public interface IExperimentRunner
{
    /// <summary>Throws <see cref="DatasetException"/> for bad data and
    /// <see cref="NotApplicableException"/> for a method/scenario pair that cannot run.</summary>
    Task<RunResult> RunAsync(RunSpec spec, IProgress<RunProgress>? progress, CancellationToken cancellationToken);
}
