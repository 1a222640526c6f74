using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;
using HierCore.Lab.Reports;

namespace HierCore.Lab;

/// <summary>
/// The one place where the Lab meets the engine: the experiment runner (one per process: it holds the feature
/// store and the memory-bank cache that the runs of a sweep share, and computes one run at a time), the
/// requirement measures and the dataset catalog. Tests replace these registrations with fakes.
/// </summary>
public static class EngineRegistration
{
    public static IServiceCollection AddEngine(this IServiceCollection services)
    {
        // Created on first use (the first run), disposed by the container at shutdown.
        // Every run keeps its fitted model (the run page's "Download model", GET /api/runs/{id}/model).
        services.AddSingleton<IExperimentRunner>(sp => new ExperimentRunner(sp.GetRequiredService<LabPaths>().DataDirectory) { ExportModels = true });
        services.AddSingleton<IRequirementMeasures, EngineRequirementMeasures>();
        services.AddSingleton<IDatasetCatalog, EngineDatasetCatalog>();
        services.AddSingleton<Jobs.IDatasetPreflight, Jobs.DatasetPreflight>();
        return services;
    }
}
