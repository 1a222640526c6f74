using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HierCore.Lab.Tests.Fakes;

/// <summary>
/// Fails the next claim of a run (the conditional UPDATE that moves it from Queued to Running) with the error a
/// busy SQLite file gives, once, when armed: a database error at the worst moment for the queue.
/// </summary>
public sealed class ClaimFaults : DbCommandInterceptor
{
    private int _armed;
    private readonly TaskCompletionSource _fired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Fired => _fired.Task;

    public void ArmOnce() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsClaim(command.CommandText) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _fired.TrySetResult();
            throw new SqliteException("database is locked (injected by the test)", 5);
        }
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static bool IsClaim(string sql) => sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
        && sql.Contains("\"Worker\" =", StringComparison.Ordinal) && sql.Contains("\"StartedAt\" =", StringComparison.Ordinal);
}
