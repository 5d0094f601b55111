using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tunas.Web.Data;

/// <summary>
/// Tells a passing fault of the database (a full disk, a server that is down or cannot be reached, storage that went
/// read-only, a database too busy to answer) from a real error of the data or of the program. Work that meets a passing
/// fault waits and tries again; an error of the data fails for good. The causes are English texts, localization keys.
/// </summary>
public static class DatabaseFaults
{
    public const string DiskFullMessage = "The server's disk is full.";
    public const string UnreachableMessage = "The database cannot be reached.";
    public const string ReadOnlyMessage = "The database can only be read, not written.";
    public const string StorageErrorMessage = "The database's storage could not be read or written.";
    public const string BusyMessage = "The database is too busy to answer.";

    // SQLite's primary result codes.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    // errno ENOSPC (what .NET on Linux puts in the HResult) and Windows' ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL.
    private const int NoSpace = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>The cause of a passing fault behind <paramref name="exception"/> or any exception it wraps; null for anything else.</summary>
    public static string? PassingCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Cause(e) is { } cause)
            {
                return cause;
            }
        }
        return null;
    }

    private static string? Cause(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode switch
        {
            SqliteFull => DiskFullMessage,
            SqliteReadOnly => ReadOnlyMessage,
            SqliteIoError when s.SqliteExtendedErrorCode == SqliteIoError + (13 << 8) => DiskFullMessage, // SQLITE_IOERR_NOSPC
            SqliteIoError => StorageErrorMessage,
            SqliteCantOpen => UnreachableMessage,
            SqliteBusy or SqliteLocked => BusyMessage,
            _ => null,
        },
        PostgresException p => p.SqlState switch
        {
            "53100" => DiskFullMessage, // disk_full
            "25006" => ReadOnlyMessage, // read_only_sql_transaction (a standby, or default_transaction_read_only)
            "58030" => StorageErrorMessage, // io_error
            "53000" or "53200" or "53300" or "55P03" or "57014" => BusyMessage, // resources, too many connections, lock or statement timeout
            ['0', '8', _, _, _] => UnreachableMessage, // connection exceptions
            "57P01" or "57P02" or "57P03" or "57P05" => UnreachableMessage, // shut down, crashed, starting, idle too long
            _ => null,
        },
        // Npgsql's own (not the server's) errors: a broken or refused connection, a timeout.
        NpgsqlException n when n is not PostgresException && (n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException) => UnreachableMessage,
        SocketException => UnreachableMessage,
        IOException { HResult: NoSpace or WindowsDiskFull or WindowsHandleDiskFull } => DiskFullMessage,
        _ => null,
    };
}
