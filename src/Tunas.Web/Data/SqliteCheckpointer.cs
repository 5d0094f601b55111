using Microsoft.Data.Sqlite;

namespace Tunas.Web.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file every second, on a connection of its own
/// (<c>PRAGMA wal_checkpoint(PASSIVE)</c>: it never waits for, nor blocks, a writer). Without it the checkpoint
/// runs inside the commit of whichever write crosses the limit, and its fsync lands on that request: measured as
/// 40% of the application writer's time under load (docs/benchmarks.md). Connections keep a high
/// <c>wal_autocheckpoint</c> as a safety net should this service fall behind.
/// </summary>
public sealed partial class SqliteCheckpointer(DatabaseInfo database, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>True for a SQLite file; an in-memory database has no log to copy.</summary>
    public static bool Applies(DatabaseInfo database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return false;
        }
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
        return builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } source && source != ":memory:";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Applies(database))
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new SqliteConnection(database.ConnectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    CheckpointFailed(log, e.SqliteErrorCode, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed ({Code}): {Reason}")]
    private static partial void CheckpointFailed(ILogger logger, int code, string reason);
}
