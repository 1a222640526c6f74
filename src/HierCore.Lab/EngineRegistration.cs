using HierCore.Engine.Experiments;
using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;
using HierCore.Lab.Reports;

namespace HierCore.Lab;

/// <summary>
/// The one place where the Lab meets the engine. At merge, wire the real classes here:
///   runner:       services.AddSingleton&lt;IExperimentRunner&gt;(sp => new ExperimentRunner(sp.GetRequiredService&lt;LabPaths&gt;().DataDirectory));
///   requirements: an IRequirementMeasures adapter over HierCore.Engine.Evaluation.RequirementMeasures.Compute;
///   datasets:     an IDatasetCatalog over HierCore.Engine.Datasets.DatasetCatalog (Discover / Resolve("demo", …)).
/// Tests replace these registrations with fakes.
/// </summary>
public static class EngineRegistration
{
    public static IServiceCollection AddEngine(this IServiceCollection services)
    {
        // Scale-out branch: the real runner, so that worker processes compute (the engine-wiring branch owns the rest).
        services.AddSingleton<IExperimentRunner>(sp => new ExperimentRunner(sp.GetRequiredService<LabPaths>().DataDirectory));
        services.AddSingleton<IRequirementMeasures, PendingRequirementMeasures>();
        services.AddSingleton<IDatasetCatalog, FolderDatasetCatalog>();
        return services;
    }

    /// <summary>Fails each run with a clear message until the engine's ExperimentRunner is wired above.</summary>
    private sealed class EngineNotWiredRunner : IExperimentRunner
    {
        public Task<RunResult> RunAsync(RunSpec spec, IProgress<RunProgress>? progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The engine's ExperimentRunner is not wired into this build (see EngineRegistration.cs).");
    }
}
