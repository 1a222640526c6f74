using HierCore.Lab.Data;
using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Sweeps;

public sealed record SweepCreated(SweepId? Id, IReadOnlyList<string> Errors, int Runs);

/// <summary>Validates a request, writes the sweep and its runs (Queued) in one transaction, then enqueues one job per run.</summary>
public sealed class SweepService(
    IDbContextFactory<LabDbContext> dbs, IDatasetCatalog catalog, RunQueue queue, RunLifecycle lifecycle, IOptions<WorkerOptions> worker)
{
    /// <summary>"demo" is always offered: it is generated on first start.</summary>
    public IReadOnlyList<string> KnownDatasets() =>
        catalog.List().Select(d => d.Name).Append("demo").Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();

    public SweepPlan Plan(SweepRequest request) => SweepPlanner.Plan(request, KnownDatasets(), worker.Value.Device);

    public async Task<SweepCreated> CreateAsync(SweepRequest request, CancellationToken ct = default)
    {
        var plan = Plan(request);
        if (!plan.IsValid) return new SweepCreated(null, plan.Errors, 0);

        var now = lifecycle.Now;
        var sweep = new Sweep
        {
            Id = SweepId.New(), CreatedAt = now, Dataset = request.Dataset.Trim(), RunCount = plan.Runs.Count,
            Name = string.IsNullOrWhiteSpace(request.Name) ? DefaultName(request, now) : request.Name.Trim(),
            RequestJson = LabJson.Serialize(request),
        };
        var runs = plan.Runs.Select(spec => new Run
        {
            Id = RunId.New(), SweepId = sweep.Id, SpecJson = LabJson.Serialize(spec), Method = spec.Method,
            Scenario = spec.Scenario.ToString(), Dataset = spec.Dataset, Seed = spec.Seed,
            Status = RunStatus.Queued, CreatedAt = now,
        }).ToList();

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Sweeps.Add(sweep);
            db.Runs.AddRange(runs);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // After the commit, so a job never looks for a row that is not there yet.
        foreach (var run in runs) run.JobId = queue.Enqueue(run.Id, run.Attempt);
        await db.SaveChangesAsync(ct);
        foreach (var run in runs) await lifecycle.PublishAsync(run.Id, ct);
        return new SweepCreated(sweep.Id, [], runs.Count);
    }

    private static string DefaultName(SweepRequest r, DateTime now) =>
        $"{r.Dataset} · {r.Methods.Count} method{(r.Methods.Count == 1 ? "" : "s")} × {r.Scenarios.Count} scenario{(r.Scenarios.Count == 1 ? "" : "s")} × {r.Seeds.Count} seed{(r.Seeds.Count == 1 ? "" : "s")} · {now:MM-dd HH:mm}";
}
