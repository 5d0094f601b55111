using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

public sealed class CohortsApiTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private static DateOnly Today => ProgramScenario.Today;

    [Fact]
    public async Task ACohortIsCreatedWithSessionsFromTheTracksModulesAndPastDatesAreAllowed()
    {
        var scenario = await ProgramScenario.CreateAsync(app);
        var id = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Angkatan Lalu", 20, new DateOnly(2025, 10, 24), days: 7);

        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var cohort = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{id}");

        var sessions = cohort.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(7, sessions.Count);
        Assert.Equal("2025-10-24", sessions[0].GetProperty("date").GetString());
        Assert.Equal("2025-10-30", sessions[^1].GetProperty("date").GetString());
        Assert.All(sessions, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("title").GetString())));
    }

    [Theory]
    [InlineData("capacity", 0, 3, true, "Kapasitas berupa bilangan bulat 1 sampai 1000.")]
    [InlineData("endsOn", 10, -2, true, "Hari terakhir tidak boleh sebelum hari pertama.")]
    [InlineData("trackId", 10, 3, false, "Kejuruan 999999 bukan kejuruan program ini.")]
    public async Task BadInputIsRefusedInIndonesianAndNothingIsStored(string field, int capacity, int days, bool knownTrack, string message)
    {
        var scenario = await ProgramScenario.CreateAsync(app);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var before = await app.DbAsync(db => db.Set<Cohort>().CountAsync());

        var response = await officer.PostAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts", new
        {
            trackId = knownTrack ? scenario.TrackA : 999999,
            providerId = app.ProviderA,
            name = "Angkatan Salah",
            place = "Aula",
            startsOn = "2026-03-10",
            endsOn = new DateOnly(2026, 3, 10).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            capacity,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
        Assert.Equal(before, await app.DbAsync(db => db.Set<Cohort>().CountAsync()));
        Assert.Equal(0, await app.DbAsync(db => db.Set<CohortSession>().CountAsync(s => db.Set<Cohort>().Any(c => c.Id == s.CohortId && c.Name == "Angkatan Salah"))));
    }

    [Fact]
    public async Task PlacementFillsCohortsByTrackAndCapacityOnceWithAMessageEach()
    {
        var scenario = await app.PublishedAsync(5);
        var a = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Jajanan 1", 2, Today.AddDays(10));
        var b = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderB, "Jajanan 2", 2, Today.AddDays(10));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var first = await (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(4, first.GetProperty("placed").GetInt32());
        var unplaced = Assert.Single(first.GetProperty("unplaced").EnumerateArray());
        Assert.Equal("Angkatan kejuruan Jajanan sudah penuh.", unplaced.GetProperty("reason").GetString());
        Assert.Equal(0, second.GetProperty("placed").GetInt32());
        var counts = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == a || p.CohortId == b).GroupBy(p => p.CohortId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([2, 2], counts);
        var messages = await app.DbAsync(db => db.OutboxMessages.Where(m => m.ProgramId == scenario.ProgramId && m.Kind == MessageKind.TrainingPlacement).ToListAsync());
        Assert.Equal(4, messages.Count);
        var written = TrainingTexts.Written(Today.AddDays(10));
        Assert.All(messages, m => Assert.Contains("Hari pertama: ", m.Body, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains(written, m.Body, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains("Aula Dinas Sosial", m.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void WrittenDatesReadAsIndonesiansWriteThem() =>
        Assert.Equal("13 Oktober 2025", TrainingTexts.Written(new DateOnly(2025, 10, 13)));

    [Fact]
    public async Task AMoveIsAuditedAndTellsTheParticipantAndADropOutNeedsAReasonAfterTheStart()
    {
        var scenario = await app.PublishedAsync(2);
        var started = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Mulai", 2, Today.AddDays(-1));
        var later = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderB, "Nanti", 2, Today.AddDays(20));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var inLater = await app.DbAsync(db => db.Set<CohortParticipant>().FirstAsync(p => p.CohortId == later));

        var moved = await officer.PostAsJsonAsync($"/api/v1/cohorts/{later}/participants/{inLater.Id}/move", new { cohortId = started });
        var noReason = await officer.PostAsJsonAsync($"/api/v1/cohorts/{started}/participants/{inLater.Id}/drop-out", new { reason = " " });
        var dropped = await officer.PostAsJsonAsync($"/api/v1/cohorts/{started}/participants/{inLater.Id}/drop-out", new { reason = "Bekerja di luar kota" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "cohort.participant-moved" && e.EntityId == inLater.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(2, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ApplicationId == inLater.ApplicationId && m.Kind == MessageKind.TrainingPlacement)));
        var after = await app.DbAsync(db => db.Set<CohortParticipant>().SingleAsync(p => p.Id == inLater.Id));
        Assert.Equal(ParticipantStatus.DroppedOut, after.Status);
        Assert.Equal("Bekerja di luar kota", after.DropOutReason);
    }

    [Fact]
    public async Task ADropOutBeforeTheStartIsRefused()
    {
        var scenario = await app.PublishedAsync(1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Belum mulai", 2, Today.AddDays(5));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var participant = await app.DbAsync(db => db.Set<CohortParticipant>().FirstAsync(p => p.CohortId == cohort));

        var response = await officer.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/participants/{participant.Id}/drop-out", new { reason = "Sakit" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ParticipantStatus.Placed, (await app.DbAsync(db => db.Set<CohortParticipant>().SingleAsync(p => p.Id == participant.Id))).Status);
    }

    [Fact]
    public async Task TheStatusPageScheduleIsTheCohortsOnceThePersonIsPlaced()
    {
        var scenario = await app.PublishedAsync(1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Jadwal", 2, new DateOnly(2025, 10, 24));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var applicationId = scenario.Applicants["p0"].ApplicationId;

        using var scope = app.Services.CreateScope();
        var plan = await scope.ServiceProvider.GetRequiredService<Tunas.Web.Features.Applications.ITrainingSchedule>().ForAsync(applicationId, scenario.ProgramId, scenario.TrackA);

        Assert.NotNull(plan);
        Assert.Equal(new DateOnly(2025, 10, 24), plan.Starts);
        Assert.Equal("Aula Dinas Sosial", Assert.Single(plan.Places).Address);
        Assert.Equal(1, await app.DbAsync(db => db.Set<CohortParticipant>().CountAsync(p => p.CohortId == cohort)));
    }
}
