using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Applications;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;

namespace Tunas.IntegrationTests.Data;

/// <summary>The app on a SQLite file in WAL mode, as in production (the other tests' in-memory database has no file to copy).</summary>
public sealed class SqliteFileApp : IAsyncLifetime
{
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("tunas-backup-");

    public AppOnDatabase App { get; private set; } = null!;

    public string ConnectionString(string file) => new SqliteConnectionStringBuilder { DataSource = Path.Combine(Folder.FullName, file), Pooling = true }.ToString();

    public DatabaseInfo Live => App.Services.GetRequiredService<DatabaseInfo>();

    public string PathOf(string file) => Path.Combine(Folder.FullName, file);

    public async Task InitializeAsync()
    {
        App = new AppOnDatabase("Sqlite", ConnectionString("tunas.db"), newDatabase: true);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Folder.Delete(recursive: true);
    }
}

/// <summary><c>-- backup &lt;file&gt;</c> on SQLite: a consistent copy while the app writes, and plain refusals.</summary>
public sealed class SqliteBackupTests(SqliteFileApp live, ITestOutputHelper output) : IClassFixture<SqliteFileApp>
{
    [Fact]
    public async Task ABackupTakenWhileApplicationsPourInIsAConsistentDatabaseTheAppServes()
    {
        var program = await Applicants.ProgramAsync(live.App);
        var before = await BackupData.CountAsync(live.App);
        var written = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Four requesters at a time, as a busy morning would send them; bounded at 4,000 applications or 30 s.
        var writers = Enumerable.Range(0, 4)
            .Select(k => Task.Run(() => BackupData.ApplyAsync(live.App, program, k, 4, 4_000, () => Interlocked.Increment(ref written), stop.Token)))
            .ToList();
        while (Volatile.Read(ref written) < 300 && !writers.Any(w => w.IsCompleted))
        {
            await Task.Delay(20);
        }
        var file = live.PathOf("cadangan.db");
        var printed = new StringWriter();
        var error = new StringWriter();

        var writtenBefore = Volatile.Read(ref written);
        var exit = await Task.Run(() => BackupCommand.RunAsync(live.Live, file, force: false, printed, error));
        var writtenDuring = Volatile.Read(ref written) - writtenBefore;

        // The writers go on for a while after the snapshot, then stop.
        while (Volatile.Read(ref written) < writtenBefore + writtenDuring + 300 && !writers.Any(w => w.IsCompleted))
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var after = await BackupData.CountAsync(live.App);
        Assert.True(exit == 0, error.ToString());
        Assert.False(File.Exists(file + "-wal"), "The backup is one file, without a log beside it.");
        Assert.Empty(live.Folder.GetFiles(".cadangan.db.*"));

        TableCounts copy;
        (string Nik, string Name) newest;
        await using (var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await backup.OpenAsync();
            await using (var check = backup.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check;";
                Assert.Equal("ok", await check.ExecuteScalarAsync());
            }
            using var scope = live.App.Services.CreateScope();
            Assert.Equal(scope.ServiceProvider.GetRequiredService<TunasDb>().Database.GetMigrations().Order(StringComparer.Ordinal), await BackupData.MigrationsAsync(backup));
            copy = await BackupData.CountAsync(backup);
            newest = await NewestPersonAsync(backup);
        }
        Assert.InRange(copy.Applications, before.Applications + 1, after.Applications - 1);
        // Each application was stored with its new person in one transaction: a snapshot has both or neither.
        Assert.Equal(copy.Applications - before.Applications, copy.Persons - before.Persons);
        Assert.Equal(0, copy.OrphanApplications);
        Assert.Equal(after.Users, copy.Users);
        Assert.Contains(copy.Persons.ToString("N0", LocalizationSetup.Indonesian) + " penduduk", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains(copy.Applications.ToString("N0", LocalizationSetup.English) + " applications", printed.ToString(), StringComparison.Ordinal);

        // The app started on the copy serves what the copy holds, and only that.
        await using var restored = new AppOnDatabase("Sqlite", new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString(), newDatabase: false);
        await restored.InitializeAsync();
        Assert.Equal(copy, await BackupData.CountAsync(restored));
        var client = await restored.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Contains(newest.Name, await SearchAsync(client, newest.Nik), StringComparison.Ordinal);
        (string Nik, string Name) later;
        using (var scope = live.App.Services.CreateScope())
        {
            var connection = scope.ServiceProvider.GetRequiredService<TunasDb>().Database.GetDbConnection();
            await connection.OpenAsync();
            later = await NewestPersonAsync(connection);
        }
        Assert.DoesNotContain(later.Name, await SearchAsync(client, later.Nik), StringComparison.Ordinal);
        output.WriteLine(FormattableString.Invariant(
            $"applications: {before.Applications} before, {copy.Applications} in the backup, {after.Applications} after; {writtenDuring} written while the backup ran"));
    }

    private static async Task<(string Nik, string Name)> NewestPersonAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Nik", "FullName" FROM "Persons" ORDER BY "Id" DESC LIMIT 1""";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    private static async Task<string> SearchAsync(HttpClient client, string nik)
    {
        var found = await client.PostAsJsonAsync("/api/v1/persons/search", new { nik });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        return (await found.Content.ReadFromJsonAsync<JsonElement>()).GetRawText();
    }

    [Fact]
    public async Task AnExistingFileIsKeptUnlessForceIsGiven()
    {
        var file = live.PathOf("ada.db");
        await File.WriteAllTextAsync(file, "berkas lama");
        var error = new StringWriter();

        var refused = await BackupCommand.RunAsync(live.Live, file, force: false, TextWriter.Null, error);

        Assert.Equal(2, refused);
        Assert.Equal("berkas lama", await File.ReadAllTextAsync(file));
        Assert.StartsWith($"Berkas {file} sudah ada", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--force", error.ToString(), StringComparison.Ordinal);

        var forced = await BackupCommand.RunAsync(live.Live, file, force: true, TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, forced);
        Assert.StartsWith("SQLite format 3", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingDatabaseIsOnePlainSentenceAndCreatesNothing()
    {
        var missing = live.PathOf("salah-ketik.db");
        var file = live.PathOf("dari-yang-hilang.db");
        var error = new StringWriter();

        var exit = await BackupCommand.RunAsync(new DatabaseInfo(DatabaseProvider.Sqlite, $"Data Source={missing}"), file, force: false, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Equal($"Basis data {missing} tidak ditemukan; tidak ada yang dicadangkan.", error.ToString().Split(Environment.NewLine)[0]);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task AnUnwritablePathIsOnePlainSentenceWithoutAStackTrace()
    {
        var file = Path.Combine(live.PathOf("tidak-ada-folder"), "cadangan.db");
        var error = new StringWriter();

        var exit = await BackupCommand.RunAsync(live.Live, file, force: false, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.StartsWith($"Cadangan tidak dapat ditulis ke {file}: ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task TheCommandLineWordReachesTheBackup()
    {
        var file = live.PathOf("baris-perintah.db");

        var exit = await CommandLine.RunAsync(CommandLine.Parse(["backup", file]), live.App.Services);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(file));
    }

    /// <summary>The real entry point: <c>backup</c> neither migrates nor seeds first, so a mistyped path stays a refusal, not a new database.</summary>
    [Fact]
    public async Task TheAppAskedToBackUpAMissingDatabaseExitsWithOneSentenceAndCreatesNothing()
    {
        var missing = live.PathOf("hilang.db");
        var file = live.PathOf("cadangan-hilang.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"), "backup", file, "--Database:Provider=Sqlite", $"--ConnectionStrings:Tunas=Data Source={missing}" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("Database__Provider");
        start.Environment.Remove("ConnectionStrings__Tunas");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}: {stderr} {await stdout}");
        Assert.Equal(
            [$"Basis data {missing} tidak ditemukan; tidak ada yang dicadangkan.", $"The database {missing} does not exist; nothing was backed up."],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(file));
    }
}
