using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

public sealed class AttendanceTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private async Task<(int Cohort, long Session, long Participant)> PlacedAsync(int providerId)
    {
        var scenario = await app.PublishedAsync(1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, providerId, "Presensi", 5, ProgramScenario.Today.AddDays(-1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var session = await app.DbAsync(db => db.Set<CohortSession>().Where(s => s.CohortId == cohort).OrderBy(s => s.Date).Select(s => s.Id).FirstAsync());
        var participant = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).Select(p => p.Id).SingleAsync());
        return (cohort, session, participant);
    }

    [Fact]
    public async Task TheTrainerMarksAttendanceAndAMarkSentTwiceCountsOnce()
    {
        var (cohort, session, participant) = await PlacedAsync(app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var url = $"/api/v1/cohorts/{cohort}/sessions/{session}/attendance";
        var marks = new[] { new { participantId = participant, status = "late", clientId = "hp-1-abc" } };

        var first = await (await staff.PutAsJsonAsync(url, marks)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await staff.PutAsJsonAsync(url, marks)).Content.ReadFromJsonAsync<JsonElement>();
        var read = await staff.GetFromJsonAsync<JsonElement>(url);

        Assert.Equal(1, first.GetProperty("saved").GetInt32());
        Assert.Equal(0, again.GetProperty("saved").GetInt32());
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        Assert.Equal("late", read.GetProperty("participants")[0].GetProperty("status").GetString());
        Assert.Equal(1, await app.DbAsync(db => db.Set<AttendanceMark>().CountAsync(m => m.SessionId == session)));
    }

    [Fact]
    public async Task ABadMarkIsRefusedInIndonesianAndNoMarkOfTheBatchIsStored()
    {
        var (cohort, session, participant) = await PlacedAsync(app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);

        var response = await staff.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/sessions/{session}/attendance", new object[]
        {
            new { participantId = participant, status = "present", clientId = "ok-1" },
            new { participantId = participant, status = "sleeping", clientId = "ok-2" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hadir, terlambat, izin, atau tidak hadir", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<AttendanceMark>().CountAsync(m => m.SessionId == session)));
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)] // a trainer of another provider
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    public async Task OnlyTheCohortsOwnProviderAndOfficersReachItsAttendance(string role)
    {
        var (cohort, session, participant) = await PlacedAsync(app.ProviderB);
        var client = await app.ApiClientAsync(role);
        var url = $"/api/v1/cohorts/{cohort}/sessions/{session}/attendance";

        var get = await client.GetAsync(url);
        var put = await client.PutAsJsonAsync(url, new[] { new { participantId = participant, status = "present", clientId = "asing-" + role } });
        var detail = await client.GetAsync($"/api/v1/cohorts/{cohort}");
        var pages = await app.PageClientAsync(role);
        var page = await pages.GetAsync($"/Training/{cohort}/Attendance/{session}");

        var expected = role == Roles.ProviderStaff ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, get.StatusCode);
        Assert.Equal(expected, put.StatusCode);
        Assert.Equal(expected, detail.StatusCode);
        if (role == Roles.ProviderStaff)
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.DbAsync(db => db.Set<AttendanceMark>().CountAsync(m => m.SessionId == session)));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TheTrainersPageListsTheSessionsParticipantsAndTakesATapWithoutJavaScript()
    {
        var (cohort, session, participant) = await PlacedAsync(app.ProviderA);
        var staff = await app.PageClientAsync(Roles.ProviderStaff);
        var url = $"/Training/{cohort}/Attendance/{session}";

        var html = await staff.GetStringAsync(url);
        var form = await TrainingApp.FormAsync(staff, url, new() { ["participantId"] = participant.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "absent", ["clientId"] = "form-1" });
        var posted = await staff.PostAsync(url, form);

        Assert.Contains("Warga p0 Uji", html, StringComparison.Ordinal);
        Assert.Contains("Tidak hadir", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var mark = await app.DbAsync(db => db.Set<AttendanceMark>().SingleAsync(m => m.SessionId == session));
        Assert.Equal(AttendanceStatus.Absent, mark.Status);
    }

    [Fact]
    public async Task SessionsAreEditableByOfficersWithinTheCohortsDays()
    {
        var (cohort, session, _) = await PlacedAsync(app.ProviderA);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var day = ProgramScenario.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var ok = await officer.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/sessions/{session}", new { date = day, title = "Pembukaan dan pretest", hours = 3 });
        var outside = await officer.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/sessions/{session}", new { date = "2020-01-01", title = "Salah", hours = 3 });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("Pembukaan dan pretest", await app.DbAsync(db => db.Set<CohortSession>().Where(s => s.Id == session).Select(s => s.Title).SingleAsync()));
    }
}
