using System.Diagnostics;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets;
using HierCore.Engine.Features;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Experiments;

/// <summary>
/// Runs one spec end to end (ARCHITECTURE.md §3): dataset → cached features → Fit with only the labels
/// the scenario allows → Score → evaluate. Holds the feature store and bank cache, so the runs of a sweep in
/// one process share features and identical memory banks; banks are also kept on disk (data/banks), so a second
/// process or a later sweep loads them instead of building them again.
/// </summary>
public sealed class ExperimentRunner(string dataDirectory, Func<string, IAnomalyMethod>? methodFactory = null) : IExperimentRunner, IDisposable
{
    readonly Func<string, IAnomalyMethod> _createMethod = methodFactory ?? MethodCatalog.Create;
    readonly FeatureStore _features = new(new DataLayout(dataDirectory).FeatureCache);
    readonly BankCache _banks = new(new BankStore(new DataLayout(dataDirectory).BankStore));
    readonly SemaphoreSlim _oneAtATime = new(1, 1); // a runner computes one run at a time; run more runners for more devices

    public string DatasetsDirectory { get; } = new DataLayout(dataDirectory).Datasets;
    public FeatureStore Features => _features;

    /// <summary>
    /// When true, each run writes its fitted model to data/models/pending/ and names the file in RunResult.ModelFile
    /// (the caller moves it into the run's results). Off for the CLI's sweeps and benches, which keep no model.
    /// </summary>
    public bool ExportModels { get; init; }

    readonly string _pendingModels = new DataLayout(dataDirectory).PendingModels;
    public BankCache Banks => _banks;

    public async Task<RunResult> RunAsync(RunSpec spec, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await Task.Factory.StartNew(() => Run(spec, progress, cancellationToken), cancellationToken,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally { _oneAtATime.Release(); }
    }

    RunResult Run(RunSpec spec, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        RunSpecValidation.Validate(spec);
        if (MethodCatalog.NotApplicableReason(spec.Method, spec.Scenario) is { } why) throw new NotApplicableException(why);
        progress?.Report(new RunProgress(RunPhases.Load, 0, 1, $"loading {spec.Dataset}"));
        var dataset = DatasetCatalog.Resolve(spec.Dataset, DatasetsDirectory);
        progress?.Report(new RunProgress(RunPhases.Load, 1, 1, $"{dataset.Train.Count} training and {dataset.Test.Count} test images"));
        RunSpecValidation.Validate(spec, dataset); // bounds that need the training images, before any feature is computed
        // While this run reads its feature partition, a disk-budget eviction leaves it alone.
        using var lease = DiskBudget.CacheLease.Acquire(_features.Cache.PartitionFolder(FeatureStore.SettingsKey(spec)));

        var clock = Stopwatch.StartNew();
        var extractedBefore = _features.Extracted;
        var (train, test) = _features.Get(dataset, spec, progress, ct);
        var featuresSeconds = clock.Elapsed.TotalSeconds;

        using var method = _createMethod(spec.Method);
        var context = new MethodContext(spec, _banks, progress, ct);
        // The only place labels enter a method: withheld ones are null (METHOD.md §1).
        var trainLabels = spec.Scenario.TrainLabels() ? dataset.Train.Select(s => s.ClassName).ToArray() : null;
        var testLabels = spec.Scenario.EvalLabels() ? dataset.Test.Select(s => s.ClassName).ToArray() : null;

        clock.Restart();
        var fit = method.Fit(train, trainLabels, context);
        var fitSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var scored = method.Score(test, testLabels, context);
        var predictions = scored.Predictions;
        // Per-image cost of the banks that scored (as measured when computed), not the wall time of memo look-ups.
        var scoreMs = double.IsFinite(scored.SecondsPerImage)
            ? scored.SecondsPerImage * 1000
            : clock.Elapsed.TotalMilliseconds / Math.Max(1, test.Count);

        progress?.Report(new RunProgress(RunPhases.Evaluate, 0, 1));
        var evaluation = ResultAssembler.Evaluate(dataset, spec, method, predictions, ct);
        progress?.Report(new RunProgress(RunPhases.Evaluate, 1, 1));
        string? modelFile = null;
        if (ExportModels)
        {
            modelFile = Path.Combine(_pendingModels, Guid.NewGuid().ToString("N") + Models.ModelFile.Extension);
            Models.ModelFile.Write(modelFile, Models.FittedModel.From(spec, method));
        }

        return evaluation with
        {
            Timings = new Timings
            {
                FeaturesS = featuresSeconds,
                FitS = fitSeconds,
                BankBuildS = method.Groups.Sum(g => g.Model.BuildSeconds),
                ScoreMsPerImage = scoreMs,
                TotalS = total.Elapsed.TotalSeconds,
                BanksReused = fit.BanksReused,
                BanksLoaded = fit.BanksLoaded,
                CoresetsBuilt = fit.CoresetsBuilt,
                CoresetsReused = fit.CoresetsReused,
                ScoresReused = scored.ScoresReused,
            },
            Memory = new MemoryStats
            {
                BankEntries = method.Groups.Sum(g => g.Model.Bank.Entries),
                BankBytes = method.Groups.Sum(g => g.Model.Bank.Bytes),
                PeakRssBytes = Process.GetCurrentProcess().PeakWorkingSet64,
            },
            FeaturesExtracted = _features.Extracted - extractedBefore,
            ModelFile = modelFile,
        };
    }

    public void Dispose()
    {
        _features.Dispose();
        _banks.Dispose();
    }
}
