using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tunas.Web.Infrastructure;

/// <summary>Why the database cannot write for now; each passes without anyone changing the data.</summary>
public enum DatabaseFault
{
    /// <summary>No fault, or one that will not pass by waiting (a broken rule, a bug, a corrupt file).</summary>
    None,

    /// <summary>The disk (or the database's quota) is full.</summary>
    DiskFull,

    /// <summary>The file, the folder or the server takes reads only.</summary>
    ReadOnly,

    /// <summary>The file cannot be opened, the server does not answer, or it is shutting down.</summary>
    Unreachable,

    /// <summary>Too many connections or too little memory on the server, or a lock held too long.</summary>
    Busy,
}

/// <summary>
/// Which database errors pass by themselves (disk full, read-only storage, a server down or out of connections), as
/// opposed to errors of the data or the code. Features answer a passing one with "try again later" (503 and
/// Retry-After for the intake, a paused job for an import) instead of failing for good, and tell the cause in plain
/// words (<see cref="Message"/>). Looks through wrapping exceptions (EF's DbUpdateException and the like).
/// </summary>
public static class DatabaseFaults
{
    // SQLite's primary result codes (the low byte of an extended code).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNoMemory = 7;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteProtocol = 15;
    private const int SqliteIoErrorNoSpace = SqliteIoError | (13 << 8);

    // errno ENOSPC (what .NET on Linux puts in an IOException's HResult) and Windows' ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL.
    private const int NoSpace = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is a database error that passes by waiting.</summary>
    public static bool IsPassing(Exception? exception) => Classify(exception) != DatabaseFault.None;

    /// <summary>The plain-words cause (<see cref="Message"/>) of a passing fault behind <paramref name="exception"/>; null for any other error.</summary>
    public static string? PassingCause(Exception? exception) =>
        Classify(exception) is var fault && fault != DatabaseFault.None ? Message(fault) : null;

    public static DatabaseFault Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                SqliteException sqlite => Sqlite(sqlite),
                PostgresException pg => Postgres(pg.SqlState),
                // Npgsql's own errors: a broken socket, a timeout while connecting or reading, a pool exhausted.
                NpgsqlException { IsTransient: true } npgsql => npgsql.InnerException is TimeoutException ? DatabaseFault.Busy : DatabaseFault.Unreachable,
                NpgsqlException { InnerException: SocketException or IOException } => DatabaseFault.Unreachable,
                SocketException => DatabaseFault.Unreachable,
                IOException { HResult: NoSpace or WindowsDiskFull or WindowsHandleDiskFull } => DatabaseFault.DiskFull,
                _ => DatabaseFault.None,
            };
            if (fault != DatabaseFault.None)
            {
                return fault;
            }
        }
        return DatabaseFault.None;
    }

    private static DatabaseFault Sqlite(SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteFull => DatabaseFault.DiskFull,
        SqliteIoError when e.SqliteExtendedErrorCode == SqliteIoErrorNoSpace => DatabaseFault.DiskFull,
        SqliteReadOnly => DatabaseFault.ReadOnly,
        SqliteIoError or SqliteCantOpen or SqliteProtocol => DatabaseFault.Unreachable,
        SqliteBusy or SqliteLocked or SqliteNoMemory => DatabaseFault.Busy,
        _ => DatabaseFault.None,
    };

    /// <summary>By SQLSTATE (PostgreSQL's appendix A): class 53 resources, 08 connection, 57P0x shut-down, 25006 a read-only server.</summary>
    private static DatabaseFault Postgres(string state) => state switch
    {
        PostgresErrorCodes.DiskFull => DatabaseFault.DiskFull,
        PostgresErrorCodes.ReadOnlySqlTransaction => DatabaseFault.ReadOnly,
        PostgresErrorCodes.IoError => DatabaseFault.Unreachable,
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.IdleSessionTimeout => DatabaseFault.Unreachable,
        PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => DatabaseFault.Busy,
        _ when state.StartsWith("08", StringComparison.Ordinal) => DatabaseFault.Unreachable,
        _ when state.StartsWith("53", StringComparison.Ordinal) => DatabaseFault.Busy,
        _ => DatabaseFault.None,
    };

    /// <summary>
    /// The cause in words a kelurahan operator understands: an English key of the shared resources (Indonesian there),
    /// to be passed through the localizer.
    /// </summary>
    public static string Message(DatabaseFault fault) => fault switch
    {
        DatabaseFault.DiskFull => DiskFullMessage,
        DatabaseFault.ReadOnly => ReadOnlyMessage,
        DatabaseFault.Unreachable => UnreachableMessage,
        _ => BusyMessage,
    };

    public const string DiskFullMessage = "The database's disk is full.";
    public const string ReadOnlyMessage = "The database can only be read at the moment, not written.";
    public const string UnreachableMessage = "The database cannot be reached at the moment.";
    public const string BusyMessage = "The database is too busy at the moment.";
}
