using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Imaging;
using HierCore.Engine.Models;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Records;

/// <summary>An uploaded image: the file name the user gave it and its bytes.</summary>
public sealed record UploadedImage(string FileName, byte[] Bytes);

/// <summary>One scored upload: the group that decided, raw score, z, the verdict z &gt; λ and the z-map picture (PNG).</summary>
public sealed record UploadScore(string File, string? Class, string Group, double Score, double Z, bool Anomalous, byte[] MapPng);

/// <summary>Why a request was refused; None when it was scored.</summary>
public enum UploadRefusal { None, UnknownRun, NoModel, BadInput, TooLarge }

public sealed record UploadScoringResult(UploadRefusal Refusal, string? Error, double Lambda, IReadOnlyList<UploadScore> Images)
{
    public static UploadScoringResult Refused(UploadRefusal why, string error) => new(why, error, 0, []);
}

/// <summary>
/// Scores uploaded images with a run's fitted model (model.hcm), by the same engine code as `hiercore predict`
/// (ModelPredictor): routing, z, the deployable verdict and a z-map per image. One scoring at a time per process
/// (it is CPU-heavy; others wait, cancellable), on the thread pool, never on a circuit's render thread. Uploads are
/// written to a temporary folder for the decoder and removed afterwards.
/// </summary>
public sealed class UploadScoring(RunQueries queries, IArtifactStore store, LabPaths paths, IOptionsMonitor<LabOptions> options,
    IOptions<WorkerOptions> worker) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lazy<FeatureStore> _features = new(() => new FeatureStore(paths.Layout.FeatureCache));
    private (string Path, FittedModel Model)? _lastModel; // a page scoring a few batches in a row reads the model once

    public int MaxFiles => Math.Max(1, options.CurrentValue.PredictMaxFiles);
    public long MaxFileBytes => Math.Max(1, options.CurrentValue.PredictMaxFileBytes);

    /// <summary>The refusal for a selection of files (count, sizes), before any byte is read; null when it may go on.</summary>
    public UploadScoringResult? CheckSelection(IReadOnlyList<(string Name, long Bytes)> files)
    {
        if (files.Count == 0) return UploadScoringResult.Refused(UploadRefusal.BadInput, "No image given: choose one or more image files.");
        if (files.Count > MaxFiles)
            return UploadScoringResult.Refused(UploadRefusal.BadInput, $"Too many files: {files.Count} given, at most {MaxFiles} at a time (Lab:PredictMaxFiles).");
        foreach (var (name, bytes) in files)
            if (bytes > MaxFileBytes)
                return UploadScoringResult.Refused(UploadRefusal.TooLarge,
                    $"'{name}' is too large: {Components.Shared.Fmt.Bytes(bytes)}, at most {Components.Shared.Fmt.Bytes(MaxFileBytes)} per image (Lab:PredictMaxFileBytes).");
            else if (bytes == 0) return UploadScoringResult.Refused(UploadRefusal.BadInput, $"'{name}' is empty: not an image.");
        return null;
    }

    /// <summary>The classes a user may pick for routing, or none when the model's scenario gives no class at test time.</summary>
    public static IReadOnlyList<string> ClassChoices(RunDetail detail) =>
        detail.Spec is { } spec && ModelPredictor.UsesClasses(spec) && detail.Result is { } r ? r.PerClass.Select(c => c.Class).ToList() : [];

    public async Task<UploadScoringResult> ScoreAsync(RunId id, IReadOnlyList<UploadedImage> images, string? className,
        IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var detail = await queries.GetAsync(id, ct);
        if (detail is null) return UploadScoringResult.Refused(UploadRefusal.UnknownRun, $"Run {id} does not exist.");
        if (CheckSelection(images.Select(i => (i.FileName, (long)i.Bytes.Length)).ToList()) is { } refused) return refused;
        var artifact = detail.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKind.Model);
        if (artifact is null || detail.Spec is not { } spec) return UploadScoringResult.Refused(UploadRefusal.NoModel, FittedModels.Missing(detail.Run));
        if (CheckClass(detail, spec, className) is { } badClass) return UploadScoringResult.Refused(UploadRefusal.BadInput, badClass);

        if (!_oneAtATime.Wait(0, CancellationToken.None))
        {
            progress?.Report(new RunProgress(RunPhases.Load, 0, images.Count, "waiting for another scoring to finish"));
            await _oneAtATime.WaitAsync(ct);
        }
        try
        {
            // All of it on the thread pool: reading a model (checksum, parse) and scoring take CPU seconds.
            return await Task.Run(async () =>
            {
                var model = await LoadModelAsync(artifact.RelativePath, id, ct);
                return model is null
                    ? UploadScoringResult.Refused(UploadRefusal.NoModel, FittedModels.Missing(detail.Run))
                    : Score(model, images, className, progress, ct);
            }, ct);
        }
        catch (ModelFileException e) { return UploadScoringResult.Refused(UploadRefusal.NoModel, $"Run {id}'s model cannot be used: {e.Message}"); }
        finally { _oneAtATime.Release(); }
    }

    private static string? CheckClass(RunDetail detail, RunSpec spec, string? className)
    {
        if (string.IsNullOrEmpty(className)) return null;
        if (!ModelPredictor.UsesClasses(spec))
            return $"class: scenario {spec.Scenario} gives no class at test time (the model routes by image); leave it out.";
        var known = ClassChoices(detail);
        return known.Contains(className) ? null : $"class: '{Sweeps.SweepRequest.Clip(className)}' is not a class of this run (its classes: {string.Join(", ", known)}).";
    }

    private async Task<FittedModel?> LoadModelAsync(string relativePath, RunId id, CancellationToken ct)
    {
        if (_lastModel is { } last && last.Path == relativePath) return last.Model;
        var content = await store.OpenAsync(relativePath, ct);
        if (content is null) return null;
        var buffer = new MemoryStream();
        await using (content) await content.Stream.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var model = ModelFile.Read(buffer, $"model of run {id.Short}");
        _lastModel = (relativePath, model);
        return model;
    }

    private UploadScoringResult Score(FittedModel model, IReadOnlyList<UploadedImage> images, string? className, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hiercore-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var inputs = new List<PredictInput>();
            for (var i = 0; i < images.Count; i++)
            {
                var file = Path.Combine(folder, $"{i:D2}{SafeExtension(images[i].FileName)}");
                File.WriteAllBytes(file, images[i].Bytes);
                // Decoded once here so a bad file is refused by the name the user gave it, before any feature work.
                try { ImageDecoder.Decode(file); }
                catch (DatasetException)
                {
                    return UploadScoringResult.Refused(UploadRefusal.BadInput,
                        $"'{images[i].FileName}' is not an image the Lab can read (PNG, JPEG or BMP): corrupt, truncated or another kind of file.");
                }
                inputs.Add(new PredictInput(file, images[i].FileName, string.IsNullOrEmpty(className) ? null : className, null));
            }
            var spec = model.Spec with { Device = worker.Value.Device };
            var scored = ModelPredictor.Predict(model with { Spec = spec }, inputs, _features.Value, progress, ct);
            var results = scored.Select(s => new UploadScore(s.Input.Id, s.Input.Class, s.Group, s.Score, s.NormalizedScore, s.Anomalous,
                ModelPredictor.RenderMap(s, spec))).ToList();
            return new UploadScoringResult(UploadRefusal.None, null, spec.Lambda, results);
        }
        catch (DatasetException e) { return UploadScoringResult.Refused(UploadRefusal.BadInput, e.Message); }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // a leftover holds only uploads
        }
    }

    /// <summary>The upload's extension when it is an image one (the decoder reads the content either way).</summary>
    private static string SafeExtension(string name)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return HierCore.Engine.Datasets.ImageFiles.Extensions.Contains(ext) ? ext : ".img";
    }

    public void Dispose()
    {
        if (_features.IsValueCreated) _features.Value.Dispose();
        _oneAtATime.Dispose();
    }
}
