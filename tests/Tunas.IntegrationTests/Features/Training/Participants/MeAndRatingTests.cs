using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training.Participants;

/// <summary>The participant's own page and API (<c>/me</c>) and the rating, once, at the end (issue 13).</summary>
public sealed class MeAndRatingTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    /// <summary>Two participants of one cohort of provider A that ends <paramref name="endsInDays"/> from today.</summary>
    private async Task<(int Cohort, long[] Participants)> CohortAsync(int endsInDays)
    {
        var scenario = await app.PublishedAsync(2);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Saya", 5, ProgramScenario.Today.AddDays(endsInDays - 2));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var ids = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync());
        return (cohort, ids);
    }

    [Fact]
    public async Task AParticipantSeesTheirOwnCohortSessionsAttendanceAndTrainers()
    {
        var (cohort, participants) = await CohortAsync(0);
        var staff = await app.ApiClientAsync(Roles.ProgramOfficer);
        var read = await (await staff.GetAsync($"/api/v1/cohorts/{cohort}")).Content.ReadFromJsonAsync<JsonElement>();
        var session = read.GetProperty("sessions")[0].GetProperty("id").GetInt64();
        (await (await app.ApiClientAsync(Roles.ProviderStaff)).PutAsJsonAsync($"/api/v1/cohorts/{cohort}/sessions/{session}/attendance", new[]
        {
            new { participantId = participants[0], status = "late", clientId = "me-1" },
            new { participantId = participants[1], status = "absent", clientId = "me-2" },
        })).EnsureSuccessStatusCode();
        await app.DbAsync(db =>
        {
            db.Add(new CohortTrainer { AgencyId = db.Set<Cohort>().Single(c => c.Id == cohort).AgencyId, CohortId = cohort, UserId = app.StaffId });
            return db.SaveChangesAsync();
        });

        using var client = await app.ParticipantClientAsync(participants[0]);
        var me = await (await client.GetAsync("/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(cohort, me.GetProperty("cohort").GetProperty("id").GetInt32());
        Assert.Equal("Aula Dinas Sosial", me.GetProperty("cohort").GetProperty("place").GetString());
        var first = me.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == session);
        Assert.Equal("late", first.GetProperty("attendance").GetString());
        Assert.Equal(new[] { Roles.ProviderStaff }, me.GetProperty("trainers").EnumerateArray().Select(t => t.GetString()!));
        var page = await (await client.GetAsync("/me")).Content.ReadAsStringAsync();
        Assert.Contains("data-attendance=\"late\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-attendance=\"absent\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAreRefusedOnMeAndAParticipantNeverPlacedGetsA404AndAKindPage()
    {
        foreach (var role in new[] { Roles.Administrator, Roles.ProgramOfficer, Roles.ProviderStaff, Roles.Leadership })
        {
            using var staff = await app.ApiClientAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/me/rating", new { training = 5, trainer = 5 })).StatusCode);
        }
        using var officerPage = await app.PageClientAsync(Roles.ProgramOfficer);
        Assert.Contains("/Account/AccessDenied", (await officerPage.GetAsync("/me")).Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var unplaced = await app.ApiClientAsync(Roles.Participant);
        Assert.Equal(HttpStatusCode.NotFound, (await unplaced.GetAsync("/api/v1/me")).StatusCode);
        using var page = await app.PageClientAsync(Roles.Participant);
        var html = await page.GetStringAsync("/me");
        Assert.Contains("data-testid=\"not-placed\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParticipantsTokenOpensNoStaffTrainingEndpoint()
    {
        var (cohort, participants) = await CohortAsync(0);
        using var client = await app.ParticipantClientAsync(participants[0]);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/cohorts/{cohort}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/cohorts/{cohort}/participants/{participants[1]}/sign-in-code", null)).StatusCode);
    }

    [Fact]
    public async Task ARatingIsGivenOnceFromTheLastDayAndOfficersSeeTheAverages()
    {
        var (cohort, participants) = await CohortAsync(0);
        using var first = await app.ParticipantClientAsync(participants[0]);
        using var second = await app.ParticipantClientAsync(participants[1]);

        using var created = await first.PostAsJsonAsync("/api/v1/me/rating", new { training = 5, trainer = 4, comment = "Sangat bermanfaat." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var twice = await first.PostAsJsonAsync("/api/v1/me/rating", new { training = 1, trainer = 1 });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("sudah memberi penilaian", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync("/api/v1/me/rating", new { training = 4, trainer = 3 })).StatusCode);

        Assert.Equal(2, await app.DbAsync(db => db.Set<TrainingRating>().CountAsync(r => r.CohortId == cohort)));
        using var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        var details = await officer.GetStringAsync($"/Training/{cohort}");
        Assert.Contains("Sangat bermanfaat.", details, StringComparison.Ordinal);
        Assert.Contains("4,5", details, StringComparison.Ordinal);
        using var trainer = await app.PageClientAsync(Roles.ProviderStaff);
        Assert.DoesNotContain("Sangat bermanfaat.", await trainer.GetStringAsync($"/Training/{cohort}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARatingBeforeTheLastDayOrOutOfRangeIsRefusedAndStoresNothing()
    {
        var (cohort, participants) = await CohortAsync(1);
        using var client = await app.ParticipantClientAsync(participants[0]);

        using var early = await client.PostAsJsonAsync("/api/v1/me/rating", new { training = 5, trainer = 5 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("hari terakhir", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (ended, others) = await CohortAsync(0);
        using var other = await app.ParticipantClientAsync(others[0]);
        foreach (var body in new object[] { new { training = 0, trainer = 5 }, new { training = 5, trainer = 6 }, new { training = 5 }, new { training = 5, trainer = 5, comment = new string('x', 1001) } })
        {
            using var bad = await other.PostAsJsonAsync("/api/v1/me/rating", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        Assert.Equal(0, await app.DbAsync(db => db.Set<TrainingRating>().CountAsync(r => r.CohortId == cohort || r.CohortId == ended)));
    }
}
