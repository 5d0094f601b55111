using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;

namespace Tunas.Bench;

/// <summary>
/// The trainer's attendance screen of a 40-person cohort (p95 of the page, goal under 20 ms) against the app's own
/// /health in the same server and run; and 500 marks queued offline accepted in one sync request, then the same 500
/// sent again (all duplicates), against one mark in one request. The published app in its own process, on SQLite
/// (or PostgreSQL with --postgres), requests one at a time.
/// </summary>
internal static class AttendanceScenario
{
    private const int People = 40;
    private const int Requests = 400;

    public static async Task RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options.Postgres, "attendance", options.Keep);
        var (cohort, sessions, participants) = await SeedAsync(database);
        var url = HttpLoad.LocalUrl();
        using var server = HttpLoad.Start(Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"),
        [
            "--urls", url,
            "--Database:Provider=" + database.Provider,
            "--ConnectionStrings:Tunas=" + database.ConnectionString,
            "--Admin:Email=bench@tunas.test",
            "--Admin:Password=Bench-Tunas-2026!",
            "--Agency:Name=Dinas Sosial Kota Blitar (bench)",
            "--Agency:RegencyCode=35.72",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            using var http = HttpLoad.Client(url, 1);
            await HttpLoad.WaitForAsync(http, server, "/health");
            var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = "bench@tunas.test", password = "Bench-Tunas-2026!" });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var page = $"/Training/{cohort}/Attendance/{sessions[0]}";
            var html = await http.GetStringAsync(page);
            if (!html.Contains("data-participant=\"" + participants[^1].ToString(CultureInfo.InvariantCulture) + "\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The attendance page does not list the cohort.");
            }
            var health = await TimesAsync(http, "/health");
            var screen = await TimesAsync(http, page);
            Report.Line($"attendance screen, {People} people, p95 ({database.Label})", screen.P95, health.P95, "ms",
                string.Create(CultureInfo.InvariantCulture, $"p50 {screen.P50:F2} ms (/health p50 {health.P50:F2} ms), {html.Length / 1024.0:F0} KB HTML, goal p95 < 20 ms"));

            var api = $"/api/v1/cohorts/{cohort}/sessions/{sessions[1]}/attendance";
            var one = Stopwatch.StartNew();
            var single = await http.PutAsJsonAsync(api, new[] { new { participantId = participants[0], status = "present", clientId = "bench-one" } });
            one.Stop();
            single.EnsureSuccessStatusCode();
            string[] words = ["present", "late", "excused", "absent"];
            var queue = Enumerable.Range(0, 500).Select(i => new
            {
                participantId = participants[i % People],
                status = words[i % words.Length],
                clientId = string.Create(CultureInfo.InvariantCulture, $"bench-queue-{i:D4}"),
            }).ToArray();
            var sync = Stopwatch.StartNew();
            var first = await http.PutAsJsonAsync(api, queue);
            sync.Stop();
            var again = Stopwatch.StartNew();
            var second = await http.PutAsJsonAsync(api, queue);
            again.Stop();
            var a = await first.Content.ReadFromJsonAsync<JsonElement>();
            var b = await second.Content.ReadFromJsonAsync<JsonElement>();
            Report.Line($"500 offline marks, one sync ({database.Label})", sync.Elapsed.TotalMilliseconds, one.Elapsed.TotalMilliseconds, "ms",
                string.Create(CultureInfo.InvariantCulture,
                    $"{(int)first.StatusCode}: saved {a.GetProperty("saved").GetInt32()}, duplicates {a.GetProperty("duplicates").GetInt32()}; sent again {again.Elapsed.TotalMilliseconds:F0} ms: saved {b.GetProperty("saved").GetInt32()}, duplicates {b.GetProperty("duplicates").GetInt32()} (baseline: one mark in one request)"));
            server.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Tunas server peak working set: {server.PeakWorkingSet64 / 1048576.0:F0} MB"));
        }
        finally
        {
            await HttpLoad.StopAsync(server);
        }
    }

    private static async Task<(double P50, double P95)> TimesAsync(HttpClient http, string path)
    {
        for (var i = 0; i < 50; i++)
        {
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
        }
        var times = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            watch.Stop();
            response.EnsureSuccessStatusCode();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[Requests / 2], times[(int)(Requests * 0.95)]);
    }

    /// <summary>A program, a provider, a cohort of 40 placed applicants with ten sessions from today.</summary>
    private static async Task<(int Cohort, List<long> Sessions, List<long> Participants)> SeedAsync(BenchDatabase database)
    {
        await using var services = database.Services();
        var agency = await BenchDatabase.PrepareAsync(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var now = DateTime.UtcNow;
        var program = new TrainingProgram
        {
            AgencyId = agency,
            Name = "Pelatihan presensi (bench)",
            Year = 2025,
            Budget = 1_000_000_000,
            TargetSize = People,
            Status = ProgramStatus.Active,
            RegistrationOpens = new DateOnly(2025, 9, 1),
            RegistrationCloses = new DateOnly(2025, 9, 21),
            Seed = "bench-attendance",
            Tracks = [new Track { Name = "Menjahit" }],
        };
        var provider = new Provider { AgencyId = agency, Name = "Modes Al Amin (bench)", Capacity = People, CreatedAt = now };
        db.Programs.Add(program);
        db.Add(provider);
        await db.SaveChangesAsync();
        await using (var connection = database.OpenRaw())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = database.IsPostgres
                ? $"""
                  INSERT INTO "Persons" ("Id", "AgencyId", "Nik", "FullName", "NameKey", "Sex", "BirthDate", "VillageCode", "Disability", "Origin", "Verified", "CreatedAt", "UpdatedAt")
                  SELECT i, {agency}, '35' || lpad(i::text, 14, '0'), 'Warga ' || i, 'warga ' || i, 1, DATE '1990-01-01', '35.72.01.1001', false, 0, true, now(), now()
                  FROM generate_series(1, {People}) AS i;
                  INSERT INTO "Applications" ("Id", "AgencyId", "ProgramId", "PersonId", "RegistrationNumber", "FirstTrackId", "VillageCode", "Consent", "ConsentPurpose", "ConsentAt", "Channel", "Status", "SubmittedAt")
                  SELECT i, {agency}, {program.Id}, i, 'TNS-2025-' || lpad(i::text, 7, '0'), {program.Tracks[0].Id}, '35.72.01.1001', true, 'bench', now(), 'Public', 'Submitted', now()
                  FROM generate_series(1, {People}) AS i;
                  """
                : $"""
                  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {People})
                  INSERT INTO "Persons" ("Id", "AgencyId", "Nik", "FullName", "NameKey", "Sex", "BirthDate", "VillageCode", "Disability", "Origin", "Verified", "CreatedAt", "UpdatedAt")
                  SELECT i, {agency}, printf('35%014d', i), 'Warga ' || i, 'warga ' || i, 1, '1990-01-01', '35.72.01.1001', 0, 0, 1, '2025-09-01 00:00:00', '2025-09-01 00:00:00' FROM n;
                  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {People})
                  INSERT INTO "Applications" ("Id", "AgencyId", "ProgramId", "PersonId", "RegistrationNumber", "FirstTrackId", "VillageCode", "Consent", "ConsentPurpose", "ConsentAt", "Channel", "Status", "SubmittedAt")
                  SELECT i, {agency}, {program.Id}, i, printf('TNS-2025-%07d', i), {program.Tracks[0].Id}, '35.72.01.1001', 1, 'bench', '2025-09-01 00:00:00', 'Public', 'Submitted', '2025-09-01 00:00:00' FROM n;
                  """;
            await command.ExecuteNonQueryAsync();
        }
        var today = DateOnly.FromDateTime(now);
        var cohort = new Cohort
        {
            AgencyId = agency,
            ProgramId = program.Id,
            TrackId = program.Tracks[0].Id,
            ProviderId = provider.Id,
            Name = "Menjahit – Angkatan bench",
            Place = "Aula",
            StartsOn = today,
            EndsOn = today.AddDays(9),
            Capacity = People,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(cohort);
        await db.SaveChangesAsync();
        var sessions = Enumerable.Range(0, 10).Select(i => new CohortSession
        {
            AgencyId = agency,
            CohortId = cohort.Id,
            Date = today.AddDays(i),
            Title = "Sesi " + (i + 1).ToString(CultureInfo.InvariantCulture),
            Hours = 4,
            SortOrder = i,
        }).ToList();
        var participants = Enumerable.Range(1, People).Select(i => new CohortParticipant
        {
            AgencyId = agency,
            CohortId = cohort.Id,
            ApplicationId = i,
            Status = ParticipantStatus.Placed,
            PlacedAt = now,
        }).ToList();
        db.AddRange(sessions);
        db.AddRange(participants);
        await db.SaveChangesAsync();
        return (cohort.Id, [.. sessions.Select(s => s.Id)], [.. participants.Select(p => p.Id)]);
    }
}
