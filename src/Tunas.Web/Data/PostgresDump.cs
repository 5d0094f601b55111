using System.Globalization;
using Npgsql;

namespace Tunas.Web.Data;

/// <summary>
/// PostgreSQL is backed up by its own tools, not by the app: <c>pg_dump --format=custom</c> takes a consistent
/// snapshot of a running database (one repeatable-read transaction), and <c>pg_restore</c> rebuilds it, sequences
/// included. These are the arguments for the configured connection; the password is never among them (pg_dump
/// reads it from PGPASSWORD or ~/.pgpass), so they can be printed, logged and pasted into a cron job.
/// </summary>
public static class PostgresDump
{
    public static IReadOnlyList<string> DumpArguments(string connectionString, string file)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return [.. Server(c), "--dbname=" + c.Database, "--format=custom", "--file=" + file];
    }

    /// <summary>Into an empty database made beforehand (<c>createdb</c>); the owner becomes the user who restores.</summary>
    public static IReadOnlyList<string> RestoreArguments(string connectionString, string file, string database)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return [.. Server(c), "--dbname=" + database, "--no-owner", "--exit-on-error", "--single-transaction", file];
    }

    public static IReadOnlyList<string> CreateDatabaseArguments(string connectionString, string database)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return [.. Server(c), database];
    }

    /// <summary>One shell line: the tool, then each argument quoted for a POSIX shell where it needs it.</summary>
    public static string ShellLine(string tool, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(tool).Select(Quote));

    private static IEnumerable<string> Server(NpgsqlConnectionStringBuilder c)
    {
        yield return "--host=" + (string.IsNullOrEmpty(c.Host) ? "localhost" : c.Host);
        yield return "--port=" + c.Port.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(c.Username))
        {
            yield return "--username=" + c.Username;
        }
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(ch => char.IsAsciiLetterOrDigit(ch) || "-_=./:@,+".Contains(ch, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
