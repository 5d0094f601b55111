using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tunas.IntegrationTests.Features.Applications;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Data;

/// <summary>
/// The PostgreSQL backup the README describes, run as written: the arguments <c>-- backup</c> prints for pg_dump and
/// pg_restore, on a seeded database, then the app on the restored one.
/// </summary>
public sealed class PostgresDumpTests
{
    [PostgresFact]
    public async Task ADumpRestoredIntoANewDatabaseServesTheSameDataAndTakesNewRows()
    {
        await using var source = new ApplicationsApp();
        await source.InitializeAsync();
        var program = await Applicants.ProgramAsync(source);
        await BackupData.ApplyAsync(source, program, 0, 1, 40, () => { }, CancellationToken.None);
        var counts = await BackupData.CountAsync(source);
        var connection = source.Services.GetRequiredService<DatabaseInfo>().ConnectionString;
        var folder = Directory.CreateTempSubdirectory("tunas-pgdump-");
        var file = Path.Combine(folder.FullName, "tunas.dump");
        var restoredName = "tunas_test_restored_" + Guid.NewGuid().ToString("N")[..8];
        var restoredConnection = TunasFactory.CreatePostgresDatabase(restoredName);
        try
        {
            await RunAsync("pg_dump", PostgresDump.DumpArguments(connection, file), connection);
            await RunAsync("pg_restore", PostgresDump.RestoreArguments(connection, file, restoredName), connection);

            await using var restored = new AppOnDatabase("Postgres", restoredConnection, newDatabase: false);
            await restored.InitializeAsync();
            Assert.Equal(counts, await BackupData.CountAsync(restored));
            var client = await restored.ApiClientAsync(Roles.ProgramOfficer);
            var known = BackupData.Applicant(program, 39);
            var found = await client.PostAsJsonAsync("/api/v1/persons/search", new { nik = known.Nik });
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Contains(known.FullName!, await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // New rows take the next keys: the identity sequences came back with the data, not at 1.
            var created = await client.PostAsJsonAsync("/api/v1/persons", new
            {
                nik = "3572034107900001",
                fullName = "Sesudah Pemulihan",
                familyCardNumber = "3572030101900001",
                birthDate = "01/07/1990",
                villageCode = TunasFactory.OperatorVillage,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            await BackupData.ApplyAsync(restored, program, 40, 1, 41, () => { }, CancellationToken.None);
            var now = await BackupData.CountAsync(restored);
            Assert.Equal((counts.Persons + 2, counts.Applications + 1), (now.Persons, now.Applications));
        }
        finally
        {
            await TunasFactory.DropPostgresDatabaseAsync(restoredName);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The tool as CI installs it (Debian's postgresql-client-15), else the one on PATH; the password from PGPASSWORD.</summary>
    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, string connection)
    {
        var start = new ProcessStartInfo(Tool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(connection).Password;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static string Tool(string name)
    {
        var folders = new[] { Environment.GetEnvironmentVariable("TUNAS_PG_BIN"), "/usr/lib/postgresql/15/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator));
        return folders.Where(f => !string.IsNullOrEmpty(f)).Select(f => Path.Combine(f!, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} not found (TUNAS_PG_BIN, /usr/lib/postgresql/15/bin, PATH): apt-get install postgresql-client-15.");
    }
}
