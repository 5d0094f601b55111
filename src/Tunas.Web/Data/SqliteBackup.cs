using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tunas.Web.Data;

/// <summary>What a backup holds: its size and the rows of the tables an operator checks first.</summary>
public sealed record BackupSummary(string File, long Bytes, long Persons, long Households, long Programs, long Applications);

/// <summary>A backup that could not be made, said in Bahasa Indonesia and in English; nothing was written.</summary>
public sealed class BackupFailedException(string indonesian, string english, Exception? inner = null) : Exception(english, inner)
{
    public string Indonesian { get; } = indonesian;
}

/// <summary>
/// A copy of a live SQLite database through SQLite's online backup API. The copy is made in one step, inside one
/// read transaction of the source: in WAL mode writers go on meanwhile, and the copy is the database as it was when
/// that transaction began (a file copy of tunas.db would miss what is still in tunas.db-wal, or catch half a write).
/// It goes to a temporary file beside the target, is checked, and only then takes the target's name, so a failed or
/// interrupted backup never leaves a file that looks like a good one.
/// </summary>
public static class SqliteBackup
{
    private static readonly string[] KeyTables = ["Persons", "Households", "Programs", "Applications"];

    public static BackupSummary Write(string sourceConnectionString, string target, bool force)
    {
        var source = new SqliteConnectionStringBuilder(sourceConnectionString);
        var path = Path.GetFullPath(target);
        var inMemory = source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:";
        if (!inMemory)
        {
            var live = Path.GetFullPath(source.DataSource);
            if (!File.Exists(live))
            {
                throw new BackupFailedException(
                    $"Basis data {live} tidak ditemukan; tidak ada yang dicadangkan.",
                    $"The database {live} does not exist; nothing was backed up.");
            }
            if (string.Equals(live, path, StringComparison.Ordinal))
            {
                throw new BackupFailedException(
                    $"{path} adalah basis data yang sedang dipakai; pilih berkas lain untuk cadangannya.",
                    $"{path} is the live database itself; choose another file for the backup.");
            }
            // ReadWrite, not ReadWriteCreate: a mistyped path must not become a new, empty database.
            source.Mode = SqliteOpenMode.ReadWrite;
        }
        if (Directory.Exists(path))
        {
            throw new BackupFailedException($"{path} adalah folder; sebutkan nama berkas cadangannya.", $"{path} is a folder; give the backup file's name.");
        }
        if (File.Exists(path) && !force)
        {
            throw Exists(path);
        }

        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Created first by .NET, so that a folder one cannot write to is said in the system's own words.
            File.Create(temporary).Dispose();
            using (var from = new SqliteConnection(source.ToString()))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
            }
            var summary = Check(temporary, path);
            File.Move(temporary, path, overwrite: force);
            return summary;
        }
        catch (SqliteException e)
        {
            throw new BackupFailedException(
                $"Cadangan tidak dibuat: SQLite menolak ({e.Message}).", $"No backup was made: SQLite refused ({e.Message}).", e);
        }
        catch (IOException e) when (!force && File.Exists(path) && e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw Exists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailedException(
                $"Cadangan tidak dapat ditulis ke {path}: {e.Message}", $"The backup cannot be written to {path}: {e.Message}", e);
        }
        finally
        {
            foreach (var leftover in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
            {
                if (File.Exists(leftover))
                {
                    File.Delete(leftover);
                }
            }
        }
    }

    /// <summary>The copy is a whole database (quick_check), and the counts are the copy's own, not the live database's.</summary>
    private static BackupSummary Check(string temporary, string path)
    {
        long[] counts;
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            copy.Open();
            var check = Scalar(copy, "PRAGMA quick_check;")?.ToString();
            if (check != "ok")
            {
                throw new BackupFailedException($"Salinan gagal diperiksa ({check}); tidak ada cadangan yang disimpan.", $"The copy failed its check ({check}); no backup was kept.");
            }
            counts = [.. KeyTables.Select(table =>
                Convert.ToInt64(Scalar(copy, $"""SELECT count(*) FROM "{table}";"""), CultureInfo.InvariantCulture))];
        }
        // Measured once the connection is closed: the file is whole then, with nothing left in a -wal beside it.
        return new BackupSummary(path, new FileInfo(temporary).Length, counts[0], counts[1], counts[2], counts[3]);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static BackupFailedException Exists(string path) => new(
        $"Berkas {path} sudah ada dan tidak ditimpa; tambahkan --force untuk menggantinya.",
        $"The file {path} exists already and was not overwritten; add --force to replace it.");
}
