using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tunas.Web.Features.Registry.Bulk;

/// <summary>Another writer wrote the same NIK or No. KK while this batch was being written; the batch is written again.</summary>
public sealed class ConcurrentWriteException() : Exception("A concurrent writer wrote the same rows; the batch is retried.");

/// <summary>Why a database refused a write, as far as a batch writer cares.</summary>
public enum WriteConflict
{
    /// <summary>Not a conflict: writing the batch again would fail again.</summary>
    None,

    /// <summary>A unique key (a NIK, a No. KK, a registration number) was taken by another writer meanwhile.</summary>
    UniqueKey,

    /// <summary>The database was busy or locked, or chose this transaction as a deadlock's or serialization's victim.</summary>
    Busy,
}

/// <summary>
/// The one classifier of write conflicts for both databases, used by the importer and the application intake: a
/// batch that met a concurrent writer is written again from the start, anything else is a real failure.
/// </summary>
public static class WriteConflicts
{
    // SQLite's result codes: 5 busy, 6 locked; 19 constraint, extended 2067 unique and 1555 primary key.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>The conflict behind <paramref name="exception"/> or any exception it wraps.</summary>
    public static WriteConflict Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var conflict = e switch
            {
                ConcurrentWriteException => WriteConflict.UniqueKey,
                PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => WriteConflict.UniqueKey,
                PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => WriteConflict.Busy,
                SqliteException { SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } => WriteConflict.UniqueKey,
                SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => WriteConflict.Busy,
                _ => WriteConflict.None,
            };
            if (conflict != WriteConflict.None)
            {
                return conflict;
            }
        }
        return WriteConflict.None;
    }

    /// <summary>True when the batch is worth writing again.</summary>
    public static bool IsConflict(Exception? exception) => Classify(exception) != WriteConflict.None;

    /// <summary>
    /// What a log line may say of a database error: its code and the database's own sentence, never the values
    /// (PostgreSQL can add the row's key, a NIK, to its detail).
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        PostgresException pg => $"PostgreSQL {pg.SqlState}: {pg.MessageText}",
        SqliteException sqlite => $"SQLite {sqlite.SqliteErrorCode}/{sqlite.SqliteExtendedErrorCode}: {sqlite.Message}",
        DbException db => $"{db.GetType().Name} {db.ErrorCode}",
        { InnerException: { } inner } => Describe(inner),
        _ => exception.GetType().Name,
    };
}
