using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tunas.Web.Data;

/// <summary>
/// The one sentence an operator reads when the database cannot be opened at start-up (a read-only file, a folder that
/// cannot be made, a server that does not answer, a wrong password): what is wrong and where to look, in Bahasa
/// Indonesia then English, on one line. A stack trace says the same to nobody who has to fix it.
/// </summary>
public static class StartFailure
{
    // SQLite's primary result codes.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>The sentence for <paramref name="exception"/>, or null when it is not the database's (a bug keeps its stack trace).</summary>
    public static string? Sentence(Exception exception, DatabaseInfo database)
    {
        ArgumentNullException.ThrowIfNull(database);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var (id, en) = database.Provider == DatabaseProvider.Sqlite ? Sqlite(e, SqlitePath(database)) : Postgres(e, database.ConnectionString);
            if (id is not null)
            {
                return $"{id} / {en}";
            }
        }
        return null;
    }

    private static string SqlitePath(DatabaseInfo database)
    {
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return Path.IsPathRooted(path) || path.Length == 0 ? path : Path.GetFullPath(path);
    }

    private static (string? Id, string? En) Sqlite(Exception e, string path) => e switch
    {
        SqliteException { SqliteErrorCode: SqliteReadOnly } =>
            ($"Basis data SQLite {path} hanya dapat dibaca: beri izin tulis pada file dan foldernya, atau pindahkan Database:DataFolder ke tempat yang dapat ditulis.",
             $"The SQLite database {path} is read-only: allow writing to the file and its folder, or move Database:DataFolder somewhere writable."),
        SqliteException { SqliteErrorCode: SqliteCantOpen } =>
            ($"Basis data SQLite {path} tidak dapat dibuka: pastikan foldernya ada dan dapat ditulis oleh pengguna yang menjalankan Tunas.",
             $"The SQLite database {path} cannot be opened: make sure its folder exists and the user running Tunas may write to it."),
        SqliteException { SqliteErrorCode: SqliteFull } =>
            ($"Disk tempat basis data SQLite {path} penuh: kosongkan ruang, lalu jalankan Tunas lagi.",
             $"The disk of the SQLite database {path} is full: free some space, then start Tunas again."),
        SqliteException { SqliteErrorCode: SqliteIoError } =>
            ($"Disk tempat basis data SQLite {path} gagal dibaca atau ditulis: periksa disknya, lalu jalankan Tunas lagi.",
             $"The disk of the SQLite database {path} failed to read or write: check the disk, then start Tunas again."),
        SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase } =>
            ($"File {path} bukan basis data SQLite yang utuh: pulihkan dari cadangan atau arahkan Database:DataFolder ke file yang benar.",
             $"The file {path} is not a sound SQLite database: restore it from a backup or point Database:DataFolder to the right file."),
        SqliteException sqlite =>
            ($"Basis data SQLite {path} tidak dapat dibuka ({sqlite.SqliteErrorCode}).",
             string.Create(CultureInfo.InvariantCulture, $"The SQLite database {path} cannot be opened (error {sqlite.SqliteErrorCode}).")),
        _ => (null, null),
    };

    private static (string? Id, string? En) Postgres(Exception e, string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var at = string.Create(CultureInfo.InvariantCulture, $"{cs.Host}:{cs.Port}");
        return e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                ($"PostgreSQL di {at} menolak pengguna {cs.Username}: periksa nama pengguna dan kata sandi di ConnectionStrings:Tunas.",
                 $"PostgreSQL at {at} refused the user {cs.Username}: check the user name and password in ConnectionStrings:Tunas."),
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                ($"Basis data {cs.Database} tidak ada di PostgreSQL {at}: buat dulu (CREATE DATABASE), lalu jalankan Tunas lagi.",
                 $"The database {cs.Database} does not exist on PostgreSQL at {at}: create it first (CREATE DATABASE), then start Tunas again."),
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg =>
                ($"Pengguna {cs.Username} tidak berhak atas basis data {cs.Database} di PostgreSQL {at} ({pg.SqlState}).",
                 $"The user {cs.Username} lacks rights on the database {cs.Database} at PostgreSQL {at} ({pg.SqlState})."),
            PostgresException { SqlState: PostgresErrorCodes.DiskFull } =>
                ($"Disk server PostgreSQL {at} penuh: kosongkan ruang, lalu jalankan Tunas lagi.",
                 $"The disk of the PostgreSQL server at {at} is full: free some space, then start Tunas again."),
            PostgresException pg =>
                ($"PostgreSQL di {at} menolak membuka basis data {cs.Database} ({pg.SqlState}): {pg.MessageText}.",
                 $"PostgreSQL at {at} refused to open the database {cs.Database} ({pg.SqlState}): {pg.MessageText}."),
            NpgsqlException =>
                ($"PostgreSQL di {at} tidak dapat dihubungi: pastikan servernya berjalan dan alamat di ConnectionStrings:Tunas benar.",
                 $"PostgreSQL at {at} cannot be reached: make sure the server runs and the address in ConnectionStrings:Tunas is right."),
            _ => (null, null),
        };
    }
}
