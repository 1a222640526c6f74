using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Reports;

public sealed record RequirementRow(RequirementMeasure Measure, double? Limit, bool? Pass);

public sealed class CompareService(IDbContextFactory<LabDbContext> dbs, IRequirementMeasures requirements, ILogger<CompareService> log)
{
    /// <summary>Null when the sweep does not exist.</summary>
    public async Task<CompareData?> LoadAsync(SweepId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sweep = await db.Sweeps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sweep is null) return null;
        var runs = await db.Runs.AsNoTracking().Where(r => r.SweepId == id)
            .Select(r => new { r.Id, r.Method, r.Scenario, r.Dataset, r.Status, r.ResultJson }).ToListAsync(ct);
        var results = new List<StoredResult>();
        foreach (var r in runs.Where(r => r.Status == RunStatus.Succeeded && r.ResultJson is not null))
        {
            try { results.Add(new StoredResult(r.Id, LabJson.Deserialize<RunResult>(r.ResultJson!), r.Dataset)); }
            catch (Exception e) { log.LogWarning(e, "Result of run {Run} cannot be read; left out.", r.Id); }
        }
        var methods = runs.Select(r => r.Method).Distinct().OrderBy(m => MethodCatalog.Names.ToList().IndexOf(m)).ToList();
        var scenarios = runs.Select(r => r.Scenario).Distinct().Order().ToList();
        return new CompareData(sweep.Id, sweep.Name, sweep.Dataset, results, methods, scenarios,
            runs.Count, runs.Count(r => r.Status.IsFinal()));
    }

    /// <summary>
    /// Requirement measures with pass/fail, only for the requirements (and methods) whose runs the sweep has; null
    /// when the engine's measures are not wired in. <see cref="RequirementInputs.Missing"/> says what the others lack.
    /// </summary>
    public IReadOnlyList<RequirementRow>? Requirements(CompareData data) =>
        requirements.Compute(data.Results.Select(r => r.Result).ToList())?
            .Where(m => RequirementInputs.Has(data, RequirementInputs.Of(m.Kind), m.Method))
            .Select(m => new RequirementRow(m, RequirementThresholds.For(m.Kind), RequirementThresholds.Passes(m)))
            .ToList();

    /// <summary>One line per requirement the sweep cannot measure, saying which runs it lacks.</summary>
    public static IReadOnlyList<string> MissingRequirements(CompareData data) =>
        RequirementInputs.All.Select(r => RequirementInputs.Missing(data, r)).OfType<string>().ToList();
}
