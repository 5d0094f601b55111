using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>
/// Deletes the change log's rows older than <see cref="Keep"/>, every <see cref="Every"/> (decision 0035). A dashboard
/// copy is read whole again after <see cref="ImpactFactsCache.ReloadAfter"/>, so no copy still needs a pruned row. An
/// in-memory SQLite database (the tests) is left alone, as the other background upkeep does.
/// </summary>
public sealed partial class DashboardChangePruner(IServiceScopeFactory scopes, DatabaseInfo database, TimeProvider clock, ILogger<DashboardChangePruner> log)
    : BackgroundService
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(2);
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite && !SqliteCheckpointer.Applies(database))
        {
            return;
        }
        await Task.Yield();
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var pruned = await PruneAsync(scope.ServiceProvider.GetRequiredService<TunasDb>(), clock.GetUtcNow().UtcDateTime - Keep, stoppingToken);
                    if (pruned > 0)
                    {
                        Pruned(log, pruned);
                    }
                }
                catch (DbException e)
                {
                    // A busy database: the next round tries again, and the log only grows meanwhile.
                    PruneFailed(log, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes the rows written before <paramref name="before"/> (UTC).</summary>
    public static Task<int> PruneAsync(TunasDb db, DateTime before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"DELETE FROM \"DashboardChanges\" WHERE \"CreatedAt\" < {new DateTimeOffset(before, TimeSpan.Zero)}", ct)
            : db.Database.ExecuteSqlAsync($"DELETE FROM \"DashboardChanges\" WHERE \"CreatedAt\" < {before.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)}", ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard change log: {Rows} rows older than two days deleted")]
    private static partial void Pruned(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard change log could not be pruned: {Reason}")]
    private static partial void PruneFailed(ILogger logger, string reason);
}
