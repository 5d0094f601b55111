using System.Data.Common;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry;

/// <summary>
/// Runs <see cref="RegistryStatistics.RefreshIfStaleAsync"/> at start-up and then every
/// <see cref="RegistryStatisticsOptions.Interval"/>, so the search is planned from statistics of the registry as it
/// is, not as it was at the last restart or import (decision 0012). An in-memory SQLite database (the tests) is left
/// alone: its connections share one cache with table locks that a busy timeout does not wait for.
/// </summary>
public sealed partial class RegistryStatisticsRefresher(
    IServiceScopeFactory scopes, DatabaseInfo database, IOptions<RegistryStatisticsOptions> options, ILogger<RegistryStatisticsRefresher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero || (database.Provider == DatabaseProvider.Sqlite && !SqliteCheckpointer.Applies(database)))
        {
            return;
        }
        // Off the start-up path: the first request does not wait for three counts.
        await Task.Yield();
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await RefreshAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var analyzed = await scope.ServiceProvider.GetRequiredService<RegistryStatistics>().RefreshIfStaleAsync(ct);
            if (analyzed.Count > 0)
            {
                Analyzed(log, string.Join(", ", analyzed));
            }
        }
        catch (DbException e)
        {
            // A busy database or a role that does not own the tables: the next round tries again.
            RefreshFailed(log, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planner statistics refreshed for {Tables}")]
    private static partial void Analyzed(ILogger logger, string tables);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Planner statistics of the registry could not be refreshed: {Reason}")]
    private static partial void RefreshFailed(ILogger logger, string reason);
}
