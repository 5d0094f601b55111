using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tunas.IntegrationTests.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>
/// Instances of the published app killed with SIGKILL in the middle of an import (decision 0018): the job is taken over
/// after its lease, by another instance on the same PostgreSQL database or by the same one restarted on SQLite, and ends
/// with exact counts; of two instances that resume at once, one runs it.
/// </summary>
public sealed partial class KilledInstanceTests
{
    private const int Rows = 10_000;

    /// <summary>Enough rows that A, writing ten at a time, is still at work once B has started on a quiet machine too.</summary>
    private const int TakeOverRows = 60_000;
    private const int RefusedEvery = 40;

    [PostgresFact]
    public async Task AJobOfAKilledInstanceIsTakenOverByTheOtherWhichAcceptsTheCookieAndTokenTheKilledOneIssued()
    {
        await OnPostgresAsync(async (database, folder) =>
        {
            // A writes in small batches, so that it is still at work once B has started.
            await using var a = AppProcess.Start(postgres: true, database, folder, batchSize: 10);
            using var httpA = await a.ReadyAsync();
            var token = await AppProcess.TokenAsync(httpA);
            using var browser = await SignedInBrowserAsync(a.Address);
            var file = AppProcess.ResidentsFile(TakeOverRows, RefusedEvery);
            var id = await StartAsync(httpA, token, file.Content, TakeOverRows);
            await using var b = AppProcess.Start(postgres: true, database, folder, batchSize: 200);
            using var httpB = await b.ReadyAsync();

            var atKill = await ProgressAsync(httpA, token, id);
            await a.KillAsync();
            Assert.True(atKill < TakeOverRows, "A ended the import before it could be killed.");

            // The data-protection keys and the token key are in the database: what A issued, B accepts.
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(b.Address + "/Registry/Imports")).StatusCode);
            var done = await WaitAsync(httpB, token, id);
            await AssertExactAsync(done, file, id, PostgresCountsAsync(database), TakeOverRows);
            Assert.Contains($"Import {id} started at row 0", a.Output, StringComparison.Ordinal);
            Assert.Matches($"Import {id} started at row [1-9]", b.Output);
        });
    }

    [PostgresFact]
    public async Task TwoInstancesThatResumeTheSameJobAtOnceRunItOnce()
    {
        await OnPostgresAsync(async (database, folder) =>
        {
            var file = AppProcess.ResidentsFile(Rows, RefusedEvery);
            string token;
            Guid id;
            await using (var a = AppProcess.Start(postgres: true, database, folder))
            {
                using var httpA = await a.ReadyAsync();
                token = await AppProcess.TokenAsync(httpA);
                id = await StartAsync(httpA, token, file.Content);
                await a.KillAsync();
            }

            await using var b = AppProcess.Start(postgres: true, database, folder);
            await using var c = AppProcess.Start(postgres: true, database, folder);
            using var httpB = await b.ReadyAsync();
            using var httpC = await c.ReadyAsync();
            var done = await WaitAsync(httpC, token, id);

            await AssertExactAsync(done, file, id, PostgresCountsAsync(database));
            var resumed = new[] { b.Output, c.Output }.Count(o => o.Contains($"Import {id} started at row", StringComparison.Ordinal));
            Assert.Equal(1, resumed);
        });
    }

    [Fact]
    public async Task AnImportKilledOnSqliteResumesAfterTheRestartWithExactCounts()
    {
        var data = Directory.CreateTempSubdirectory("tunas-killed-");
        try
        {
            var folder = Path.Combine(data.FullName, "imports");
            var file = AppProcess.ResidentsFile(Rows, RefusedEvery);
            string token;
            Guid id;
            await using (var first = AppProcess.Start(postgres: false, data.FullName, folder))
            {
                using var http = await first.ReadyAsync();
                token = await AppProcess.TokenAsync(http);
                id = await StartAsync(http, token, file.Content);
                await first.KillAsync();
            }

            await using var again = AppProcess.Start(postgres: false, data.FullName, folder);
            using var httpAgain = await again.ReadyAsync();
            var done = await WaitAsync(httpAgain, token, id);

            await AssertExactAsync(done, file, id, SqliteCountsAsync(Path.Combine(data.FullName, "tunas.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static async Task OnPostgresAsync(Func<string, string, Task> test)
    {
        var name = "tunas_test_" + Guid.NewGuid().ToString("N")[..12];
        var database = TunasFactory.CreatePostgresDatabase(name);
        var folder = Directory.CreateTempSubdirectory("tunas-two-");
        try
        {
            await test(database, folder.FullName);
        }
        finally
        {
            await TunasFactory.DropPostgresDatabaseAsync(name);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Uploads the file and waits until a few batches are committed (never all of them): the moment to kill.</summary>
    private static async Task<Guid> StartAsync(HttpClient http, string token, byte[] content, int rows = Rows)
    {
        using var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await UploadAsync(client, content, "warga-besar.csv");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (Count(job, "processedRows") >= 500)
            {
                Assert.True(Count(job, "processedRows") < rows, "The import ended before it could be killed.");
                return id;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The import did not start within 30 s.");
    }

    private static async Task<int> ProgressAsync(HttpClient http, string token, Guid id)
    {
        using var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Count(await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}"), "processedRows");
    }

    private static async Task<JsonElement> WaitAsync(HttpClient http, string token, Guid id)
    {
        using var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < 1200; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (job.GetProperty("status").GetString() is "completed" or "failed")
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Import {id} was not taken over and finished within 2 minutes.");
    }

    private static async Task AssertExactAsync(JsonElement job, (byte[] Content, List<string> Niks, int Refused) file, Guid id,
        Task<(long Persons, long DistinctNiks, long ErrorRows)> counts, int rows = Rows)
    {
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((rows, rows, rows - file.Refused, file.Refused, 0, 0),
            (Count(job, "processedRows"), Count(job, "totalRows"), Count(job, "inserted"), Count(job, "rejected"), Count(job, "updated"), Count(job, "unchanged")));
        var (persons, distinct, errors) = await counts;
        Assert.Equal((rows - file.Refused, rows - file.Refused, (long)file.Refused), (persons, distinct, errors));
        Assert.NotEqual(Guid.Empty, id);
    }

    private static async Task<(long, long, long)> PostgresCountsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM "Persons"), (SELECT count(DISTINCT "Nik") FROM "Persons"), (SELECT count(*) FROM "ImportRowErrors")
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<(long, long, long)> SqliteCountsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM "Persons"), (SELECT count(DISTINCT "Nik") FROM "Persons"), (SELECT count(*) FROM "ImportRowErrors")
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>A browser signed in on one instance: its cookie jar holds that instance's sign-in cookie.</summary>
    private static async Task<HttpClient> SignedInBrowserAsync(string address)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var html = await browser.GetStringAsync(address + "/Account/Login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AppProcess.AdminEmail,
            ["Input.Password"] = TunasFactory.Password,
            ["__RequestVerificationToken"] = Antiforgery().Match(html).Groups[1].Value,
        });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(address + "/Account/Login", form)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(address + "/Registry/Imports")).StatusCode);
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
