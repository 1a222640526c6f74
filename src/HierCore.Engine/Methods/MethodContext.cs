using HierCore.Engine.Experiments;

namespace HierCore.Engine.Methods;

/// <summary>Settings, caches, progress and cancellation shared by a method's Fit and Score.</summary>
public sealed class MethodContext(RunSpec spec, BankCache? banks, IProgress<RunProgress>? progress, CancellationToken cancellation)
{
    public RunSpec Spec { get; } = spec;
    public BankCache? Banks { get; } = banks;
    public CancellationToken Cancellation { get; } = cancellation;

    public void Report(string phase, int done, int total, string? message = null) =>
        progress?.Report(new RunProgress(phase, done, total, message));
}
