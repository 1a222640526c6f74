using System.Globalization;
using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>
/// The database's own clock (PostgreSQL <c>now()</c>, SQLite <c>'now'</c>). Heartbeats are stamped and the stale
/// cut-off computed with it, so workers on machines whose clocks disagree never mistake a live run for a lost one.
/// </summary>
public static class DatabaseClock
{
    public static async Task<DateTime> NowAsync(LabDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            // SQLite has no date type: %f gives milliseconds, and the text sorts like EF's own DateTime text.
            var text = await db.Database.SqlQueryRaw<string>("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS \"Value\"").SingleAsync(ct);
            return DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }
        var now = await db.Database.SqlQueryRaw<DateTime>("SELECT now() AS \"Value\"").SingleAsync(ct);
        return DateTime.SpecifyKind(now.ToUniversalTime(), DateTimeKind.Utc);
    }
}
