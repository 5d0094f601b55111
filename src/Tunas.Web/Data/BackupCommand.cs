using System.Globalization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Data;

/// <summary>
/// <c>-- backup &lt;file&gt; [--force]</c>: on SQLite, a consistent copy of the live database, safe while the app
/// runs; on PostgreSQL, the pg_dump and pg_restore commands for the configured database (the app does not dump
/// PostgreSQL itself: its own tools do it better). Runs without migrating or seeding anything first.
/// </summary>
internal sealed class BackupCommand : IAppCommand
{
    /// <summary>On PostgreSQL: nothing was written, the printed commands are the way (a script must not take that for a backup).</summary>
    public const int UsePgDump = 3;

    public CommandName Name => CommandName.Backup;

    public Task<int> RunAsync(Command command, IServiceProvider services, CancellationToken ct = default) =>
        RunAsync(services.GetRequiredService<DatabaseInfo>(), command.Argument!, command.Force, Console.Out, Console.Error);

    /// <summary>0 when the backup was written; 2 when it failed (one sentence, nothing written); 3 on PostgreSQL.</summary>
    public static async Task<int> RunAsync(DatabaseInfo database, string target, bool force, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await output.WriteLineAsync(PostgresAdvice(database.ConnectionString, target));
            return UsePgDump;
        }
        BackupSummary done;
        try
        {
            done = SqliteBackup.Write(database.ConnectionString, target, force);
        }
        catch (BackupFailedException e)
        {
            await error.WriteLineAsync(e.Indonesian);
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        await output.WriteLineAsync(Sentence(done, LocalizationSetup.Indonesian,
            "Cadangan tersimpan di {0} ({1}): {2:N0} penduduk, {3:N0} keluarga, {4:N0} program, {5:N0} pendaftaran."));
        await output.WriteLineAsync(Sentence(done, LocalizationSetup.English,
            "Backup written to {0} ({1}): {2:N0} persons, {3:N0} households, {4:N0} programs, {5:N0} applications."));
        return 0;
    }

    private static string Sentence(BackupSummary s, CultureInfo culture, string format) =>
        string.Format(culture, format, s.File, Size(s.Bytes, culture), s.Persons, s.Households, s.Programs, s.Applications);

    private static string Size(long bytes, CultureInfo culture) => bytes switch
    {
        < 1024 * 1024 => string.Format(culture, "{0:N0} KB", Math.Ceiling(bytes / 1024.0)),
        < 1024L * 1024 * 1024 => string.Format(culture, "{0:N1} MB", bytes / (1024.0 * 1024)),
        _ => string.Format(culture, "{0:N2} GB", bytes / (1024.0 * 1024 * 1024)),
    };

    private static string PostgresAdvice(string connectionString, string target)
    {
        var restored = "tunas_restored";
        return string.Join(Environment.NewLine,
            "Basis data ini PostgreSQL: cadangkan dengan pg_dump (aman selagi aplikasi berjalan), pulihkan dengan pg_restore ke basis data kosong. Tidak ada berkas yang ditulis.",
            "This database is PostgreSQL: back it up with pg_dump (safe while the app runs) and restore it with pg_restore into an empty database. No file was written.",
            "Kata sandi dibaca dari PGPASSWORD atau ~/.pgpass. / The password is read from PGPASSWORD or ~/.pgpass.",
            "",
            "  " + PostgresDump.ShellLine("pg_dump", PostgresDump.DumpArguments(connectionString, target)),
            "",
            "  " + PostgresDump.ShellLine("createdb", PostgresDump.CreateDatabaseArguments(connectionString, restored)),
            "  " + PostgresDump.ShellLine("pg_restore", PostgresDump.RestoreArguments(connectionString, target, restored)),
            "",
            $"Lalu arahkan ConnectionStrings:Tunas ke {restored}. / Then point ConnectionStrings:Tunas at {restored}.");
    }
}
