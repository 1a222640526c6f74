using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Sweeps;

/// <param name="Existing">Set when the request was refused because an identical sweep is still queued or running.</param>
public sealed record SweepCreated(SweepId? Id, IReadOnlyList<string> Errors, int Runs, SweepId? Existing = null);

/// <summary>
/// Validates a request, writes the sweep and its runs (Queued) in one transaction, then enqueues one job per run.
/// A request identical to a sweep that still has queued or running runs is refused with a message naming that
/// sweep (a double click or a re-sent POST must not queue every run twice); once it has finished, the same
/// request may be submitted again.
/// </summary>
public sealed class SweepService(
    IDbContextFactory<LabDbContext> dbs, IDatasetCatalog catalog, RunQueue queue, RunLifecycle lifecycle,
    IOptions<WorkerOptions> worker, IOptions<SweepOptions> sweepOptions)
{
    private readonly SemaphoreSlim _createGate = new(1, 1);

    /// <summary>The datasets the form offers: those without problems, and "demo" (generated on first use).</summary>
    public IReadOnlyList<string> KnownDatasets() =>
        catalog.List().Where(d => d.Problem is null).Select(d => d.Name).Append("demo")
            .Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();

    public SweepPlan Plan(SweepRequest request) =>
        SweepPlanner.Plan(request, catalog.Resolve(request.Dataset ?? ""), worker.Value.Device, sweepOptions.Value.MaxRuns);

    public async Task<SweepCreated> CreateAsync(SweepRequest request, CancellationToken ct = default)
    {
        var plan = Plan(request);
        if (!plan.IsValid) return new SweepCreated(null, plan.Errors, 0);
        var fingerprint = Fingerprint(plan);

        await _createGate.WaitAsync(ct);
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (await FindActiveTwinAsync(db, fingerprint, ct) is { } twin)
                return new SweepCreated(null,
                    [$"An identical sweep is already queued or running: '{twin.Name}' ({twin.Id}). Cancel it or wait for it to finish before submitting it again."],
                    0, twin.Id);

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
                Scenario = spec.Scenario.ToString(), Dataset = sweep.Dataset, Seed = spec.Seed,
                Status = RunStatus.Queued, CreatedAt = now,
            }).ToList();

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
        finally { _createGate.Release(); }
    }

    /// <summary>The run specs of a plan, in order: two requests with the same fingerprint queue the same runs.</summary>
    private static string Fingerprint(SweepPlan plan) =>
        string.Join('\n', plan.Runs.Select(LabJson.Serialize).Order(StringComparer.Ordinal));

    private static async Task<Sweep?> FindActiveTwinAsync(LabDbContext db, string fingerprint, CancellationToken ct)
    {
        var active = await db.Sweeps.AsNoTracking()
            .Where(s => s.Runs.Any(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running))
            .ToListAsync(ct);
        foreach (var sweep in active)
        {
            var specs = await db.Runs.Where(r => r.SweepId == sweep.Id).Select(r => r.SpecJson).ToListAsync(ct);
            if (string.Join('\n', specs.Order(StringComparer.Ordinal)) == fingerprint) return sweep;
        }
        return null;
    }

    private static string DefaultName(SweepRequest r, DateTime now) =>
        $"{r.Dataset.Trim()} · {r.Methods.Count} method{(r.Methods.Count == 1 ? "" : "s")} × {r.Scenarios.Count} scenario{(r.Scenarios.Count == 1 ? "" : "s")} × {r.Seeds.Count} seed{(r.Seeds.Count == 1 ? "" : "s")} · {now:MM-dd HH:mm}";
}
