using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Applications;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Data;

/// <summary>
/// What holds when the app is killed with SIGKILL (issue 11), on the database the suite runs on: every application
/// answered 201 is stored, once; a killed selection run or publication leaves nothing half-done, and the next one
/// works. The built app runs as a process of its own on a database of its own; bounded in requests and time.
/// </summary>
public sealed class KillTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@uji.test";
    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(3); // migrations and the first JIT on a busy 2-core runner

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tunas-kill-");
    private readonly string? _postgresDatabase = TunasFactory.IsPostgres ? "tunas_kill_" + Guid.NewGuid().ToString("N")[..12] : null;
    private string _connectionString = "";
    private int[] _tracks = [];

    public Task InitializeAsync()
    {
        _connectionString = _postgresDatabase is { } name
            ? TunasFactory.CreatePostgresDatabase(name)
            : $"Data Source={Path.Combine(_folder.FullName, "tunas.db")};Pooling=False";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_postgresDatabase is { } name)
        {
            await TunasFactory.DropPostgresDatabaseAsync(name);
        }
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task EveryApplicationAnswered201BeforeAKillIsStoredOnce()
    {
        var created = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        int programId;
        await using (var app = await StartAsync())
        {
            programId = await ProgramAsync();
            using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => ApplyUntilAsync(http, programId, created, stop.Token))).ToList();
            // Under load for a moment, then killed while requests are in flight.
            for (var i = 0; i < 100 && created.Count < 200; i++)
            {
                await Task.Delay(100);
            }
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }
        Assert.NotEmpty(created);

        await using (var app = await StartAsync())
        {
            await using var db = Db();
            var stored = await (from a in db.Applications.AsNoTracking()
                                where a.ProgramId == programId
                                join p in db.Persons on a.PersonId equals p.Id
                                select new { p.Nik, a.RegistrationNumber }).ToListAsync();
            var byNik = stored.GroupBy(s => s.Nik, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(s => s.RegistrationNumber).ToList(), StringComparer.Ordinal);
            foreach (var (nik, number) in created)
            {
                Assert.True(byNik.TryGetValue(nik, out var numbers), $"answered 201 ({number}) but not stored");
                Assert.Equal([number], numbers);
            }
            Assert.All(byNik, n => Assert.Single(n.Value));
            Assert.Equal(stored.Count, await db.Persons.Where(p => byNik.Keys.Contains(p.Nik)).CountAsync());

            // And the intake works after the restart.
            using var http = new HttpClient { BaseAddress = app.Address };
            var again = await Applicants.ApplyAsync(http, Body(programId));
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }
    }

    [Fact]
    public async Task AKilledSelectionRunOrPublicationLeavesNothingHalfDone()
    {
        int programId;
        await using (var app = await StartAsync())
        {
            programId = await ProgramAsync();
            using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
            var created = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => ApplyUntilAsync(http, programId, created, stop.Token, 40))).ToList();
            await Task.WhenAll(workers);
            await CloseRegistrationAsync(programId);

            // A run, killed while it computes or stores its decisions.
            await AuthorizeAsync(http);
            var run = http.PostAsync($"/api/v1/programs/{programId}/selection-runs", null);
            await Task.Delay(Random.Shared.Next(20, 300));
            await app.KillAsync();
            await Task.WhenAny(run);
        }
        await AssertRunsWholeAsync(programId);

        long runId;
        await using (var app = await StartAsync())
        {
            using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
            await AuthorizeAsync(http);
            var run = await http.PostAsync($"/api/v1/programs/{programId}/selection-runs", null);
            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
            runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            await AssertRunsWholeAsync(programId);

            // A publication, killed while it writes the run's status and the result messages.
            var publish = http.PostAsync($"/api/v1/programs/{programId}/selection-runs/{runId}/publish", null);
            await Task.Delay(Random.Shared.Next(5, 150));
            await app.KillAsync();
            await Task.WhenAny(publish);
        }
        var published = await AssertPublicationWholeAsync(programId, runId);

        await using (var app = await StartAsync())
        {
            using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
            await AuthorizeAsync(http);
            if (!published)
            {
                var publish = await http.PostAsync($"/api/v1/programs/{programId}/selection-runs/{runId}/publish", null);
                Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
            }
            Assert.True(await AssertPublicationWholeAsync(programId, runId));
        }
    }

    /// <summary>Every run stored has a decision for every application; a run never stands with part of its decisions.</summary>
    private async Task AssertRunsWholeAsync(int programId)
    {
        await using var db = Db();
        var applications = await db.Applications.CountAsync(a => a.ProgramId == programId && a.Status == ApplicationStatus.Submitted);
        Assert.True(applications > 0);
        var runs = await db.SelectionRuns.AsNoTracking().Where(r => r.ProgramId == programId)
            .Select(r => new { r.Id, Decisions = db.SelectionDecisions.Count(d => d.RunId == r.Id) }).ToListAsync();
        Assert.All(runs, r => Assert.Equal(applications, r.Decisions));
    }

    /// <summary>Published with a message per decision, or still a draft with none: never one without the other. True when published.</summary>
    private async Task<bool> AssertPublicationWholeAsync(int programId, long runId)
    {
        await using var db = Db();
        var run = await db.SelectionRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        var decisions = await db.SelectionDecisions.CountAsync(d => d.RunId == runId);
        var prefix = $"selection:{runId}:";
        var messages = await db.OutboxMessages.CountAsync(m => m.DedupeKey.StartsWith(prefix));
        var audited = await db.AuditEntries.CountAsync(e => e.Action == "selection.published");
        if (run.Status == SelectionRunStatus.Published)
        {
            Assert.NotNull(run.PublishedAt);
            Assert.Equal(decisions, messages);
            Assert.Equal(1, audited);
            return true;
        }
        Assert.Equal(SelectionRunStatus.Draft, run.Status);
        Assert.Null(run.PublishedAt);
        Assert.Equal(0, messages);
        Assert.Equal(0, audited);
        return false;
    }

    private async Task ApplyUntilAsync(HttpClient http, int programId, ConcurrentDictionary<string, string> created, CancellationToken stop, int? count = null)
    {
        for (var i = 0; !stop.IsCancellationRequested && (count is null || i < count); i++)
        {
            var body = Body(programId);
            try
            {
                using var response = await Applicants.ApplyAsync(http, body);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    created[(string)body["nik"]!] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString()!;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
            {
                return; // the process is gone
            }
        }
    }

    private Dictionary<string, object?> Body(int programId) => Applicants.Body(new Applicants.Program(programId, _tracks, ""), Applicants.NewPerson());

    private async Task<PublishedApp> StartAsync()
    {
        var app = PublishedApp.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = TunasFactory.ProviderName,
            ["ConnectionStrings__Tunas"] = _connectionString,
            ["Agency__Name"] = "Dinas Sosial Kota Uji",
            ["Agency__RegencyCode"] = TunasFactory.AgencyRegency,
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = TunasFactory.Password,
            ["RateLimiting__Enabled"] = "false",
            ["Applications__ProgramCacheSeconds"] = "0",
            ["Auth__SignInPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        if (!await app.ReadyAsync(StartWithin))
        {
            Assert.Fail("The app did not start: " + await app.OutputAsync());
        }
        return app;
    }

    private static async Task AuthorizeAsync(HttpClient http)
    {
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = TunasFactory.Password });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
    }

    /// <summary>An open program with three tracks and one quota for the applicants' kelurahan.</summary>
    private async Task<int> ProgramAsync()
    {
        await using var db = Db();
        var agency = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var today = TimeProvider.System.TodayInIndonesia();
        var now = DateTime.UtcNow;
        var program = new TrainingProgram
        {
            AgencyId = agency,
            Name = "Pelatihan Uji Mati Mendadak",
            Year = today.Year,
            Status = ProgramStatus.Active,
            RegistrationOpens = today.AddDays(-1),
            RegistrationCloses = today.AddDays(30),
            PublicationOn = today.AddDays(40),
            DomicileRegencyCode = TunasFactory.AgencyRegency,
            MaxDesil = 10,
            Seed = "uji",
            CreatedAt = now,
            UpdatedAt = now,
            Tracks = [new Track { Name = "Jajanan", SortOrder = 1 }, new Track { Name = "Menjahit", SortOrder = 2 }, new Track { Name = "Kue", SortOrder = 3 }],
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        _tracks = [.. program.Tracks.OrderBy(t => t.SortOrder).Select(t => t.Id)];
        db.ProgramQuotas.Add(new ProgramQuota { AgencyId = agency, ProgramId = program.Id, RegionCode = Applicants.Kauman, Size = 20 });
        await db.SaveChangesAsync();
        return program.Id;
    }

    private async Task CloseRegistrationAsync(int programId)
    {
        await using var db = Db();
        var yesterday = TimeProvider.System.TodayInIndonesia().AddDays(-1);
        await db.Programs.Where(p => p.Id == programId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.RegistrationOpens, yesterday.AddDays(-10))
            .SetProperty(p => p.RegistrationCloses, yesterday));
    }

    /// <summary>The test's own connection to the app's database, as another process would open it.</summary>
    private TunasDb Db()
    {
        if (TunasFactory.IsPostgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresTunasDb>();
            DatabaseSetup.ConfigurePostgres(pg, _connectionString);
            return new PostgresTunasDb(pg.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteTunasDb>();
        DatabaseSetup.ConfigureSqlite(sqlite, _connectionString);
        return new SqliteTunasDb(sqlite.Options);
    }
}
