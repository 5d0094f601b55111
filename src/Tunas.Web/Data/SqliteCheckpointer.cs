using Microsoft.Data.Sqlite;

namespace Tunas.Web.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file four times a second, on a connection of its own
/// (<c>PRAGMA wal_checkpoint(PASSIVE)</c>: it never waits for, nor blocks, a writer), so that the copying, which is
/// most of a checkpoint's work, stays off the writers' path.
/// <para>
/// Starting the log over is the writers' own: a passive copy never does it. The app's connections keep
/// <c>wal_autocheckpoint</c> at <see cref="WriterCheckpointFrames"/>, so the commit that crosses it copies what this
/// service has not copied yet (at most a quarter of a second of writes), syncs, and the next write starts the log
/// afresh. Left to a once-a-second copy and a 10,000-frame limit, that commit copied up to a second of the intake's
/// writes (about 16,000 frames) and was the intake's p99; a larger log made it worse, since every read walks the
/// log's index (decision 0033, docs/benchmarks.md).
/// </para>
/// <para>
/// SQLite begins the log afresh only when a write finds every frame copied and no reader inside it, which under steady
/// reads and writes may not happen. A million-row import beside the public intake left a 12 GB log beside a 0.8 GB
/// database (decision 0031). So once the log holds <see cref="ResetFrames"/> frames, the checkpoint is a
/// <c>TRUNCATE</c>: it waits at most <see cref="ResetWait"/> for the readers in the log to finish (holding new writes
/// back meanwhile), copies what is left, and empties the file. A reader still inside after the wait makes it a passive
/// one again, and the next tick tries anew.
/// </para>
/// </summary>
public sealed partial class SqliteCheckpointer(DatabaseInfo database, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Frames in the log past which it is emptied: 64 MB of 4 KiB pages.</summary>
    public const int ResetFrames = 16_384;

    /// <summary>
    /// The app's connections' <c>wal_autocheckpoint</c>: the commit that takes the log past 5,000 frames (20 MB of
    /// 4 KiB pages) copies the rest of it and lets the next write start it over. Below <see cref="ResetFrames"/>, so
    /// that in steady use the writers restart the log and the emptying is only the fallback.
    /// </summary>
    public const int WriterCheckpointFrames = 5_000;

    /// <summary>
    /// Log size past which a long writer empties the log between its batches itself: 1 GB. Below it the writer does
    /// nothing, not even a copy, which the background checkpoint does beside it: copying each batch's frames in the
    /// import's own path made it slower (measured with a 64 MB limit: 462 s became 693 s for a million rows beside the
    /// intake, docs/benchmarks.md). This is the guard for the disk, not the routine.
    /// </summary>
    public const long LongWriterResetBytes = 1L << 30;

    /// <summary>
    /// How long an emptying checkpoint waits for readers, and so at most how long it holds a write back: short, since
    /// the next tick is a quarter of a second away.
    /// </summary>
    public static readonly TimeSpan ResetWait = TimeSpan.FromMilliseconds(25);

    /// <summary>What one checkpoint did: the frames in the log after it, the frames copied, and whether it emptied the log.</summary>
    public readonly record struct Outcome(long LogFrames, long CopiedFrames, bool Emptied);

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

    /// <summary>
    /// One checkpoint on <paramref name="connection"/> (open, of its own): passive, then emptying when the log holds at
    /// least <paramref name="resetFrames"/> frames.
    /// </summary>
    public static async Task<Outcome> CheckpointAsync(SqliteConnection connection, int resetFrames, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (_, frames, copied) = await RunAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", ct);
        if (frames < resetFrames)
        {
            return new Outcome(frames, copied, false);
        }
        // SQLite's busy handler is what a TRUNCATE waits with; this connection's own, so no writer waits longer.
        var wait = (int)ResetWait.TotalMilliseconds;
        var (busy, after, copiedAfter) = await RunAsync(connection, $"PRAGMA busy_timeout={wait}; PRAGMA wal_checkpoint(TRUNCATE);", ct);
        return new Outcome(after, copiedAfter, busy == 0);
    }

    /// <summary>
    /// Between the batches of a long writer (the import): once the log file holds <paramref name="resetBytes"/>, it is
    /// copied and emptied, since the background checkpoint may not get the write lock while batches hold it for seconds
    /// each; below that, nothing is done (the size is read from the file, no statement runs). Null when nothing was
    /// due, there is no log (not a SQLite file) or the database failed; a failed checkpoint never fails the writer.
    /// </summary>
    public static async Task<Outcome?> CheckpointBetweenWritesAsync(string connectionString, long resetBytes, CancellationToken ct)
    {
        if (!Applies(new DatabaseInfo(DatabaseProvider.Sqlite, connectionString)))
        {
            return null;
        }
        var log = new FileInfo(new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal");
        if (!log.Exists || log.Length < resetBytes)
        {
            return null;
        }
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            return await CheckpointAsync(connection, resetFrames: 0, ct);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static async Task<(long Busy, long Frames, long Copied)> RunAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        // The busy_timeout pragma answers a row of its own first; the checkpoint's row is the last.
        (long, long, long) row = (0, 0, 0);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.FieldCount == 3)
                {
                    row = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                }
            }
        }
        while (await reader.NextResultAsync(ct));
        return row;
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
                    var outcome = await CheckpointAsync(connection, ResetFrames, stoppingToken);
                    if (outcome.Emptied)
                    {
                        LogEmptied(log);
                    }
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite write-ahead log copied and emptied")]
    private static partial void LogEmptied(ILogger logger);
}
