using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.CheckIn;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

/// <summary>Self check-in with the rotating QR (issue 13): fresh, today's session only, own cohort only, once.</summary>
public sealed class CheckInTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private sealed record Placed(int Cohort, long Today, long Later, IReadOnlyList<long> Participants);

    /// <summary>A cohort of <paramref name="people"/> at the provider running from today, with a session today and a later one.</summary>
    private async Task<Placed> PlacedAsync(int providerId, int people = 1)
    {
        var scenario = await app.PublishedAsync(people);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, providerId, "Hadir QR", people, ProgramScenario.Today);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var sessions = await app.DbAsync(db => db.Set<CohortSession>().Where(s => s.CohortId == cohort).OrderBy(s => s.Date).ThenBy(s => s.SortOrder).ToListAsync());
        var participants = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        return new(cohort, sessions.First(s => s.Date == ProgramScenario.Today).Id, sessions.First(s => s.Date > ProgramScenario.Today).Id, participants);
    }

    private Task<string> TokenAsync(int cohort, long session, long? window = null) =>
        app.Services.GetRequiredService<CheckInTokens>().IssueAsync(cohort, session, window);

    private long Window => app.Services.GetRequiredService<CheckInTokens>().CurrentWindow;

    private Task<int> MarksAsync(long session) => app.DbAsync(db => db.Set<AttendanceMark>().CountAsync(m => m.SessionId == session));

    [Fact]
    public async Task AParticipantScanningTwiceIsMarkedPresentOnceAndTheTrainersLiveListShowsIt()
    {
        var placed = await PlacedAsync(app.ProviderA);
        var participant = await app.ParticipantClientAsync(placed.Participants[0]);
        var token = await TokenAsync(placed.Cohort, placed.Today);

        var first = await participant.PostAsJsonAsync("/api/v1/check-in", new { token });
        var again = await participant.PostAsJsonAsync("/api/v1/check-in", new { token });
        var live = await (await app.ApiClientAsync(Roles.ProviderStaff)).GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{placed.Cohort}/sessions/{placed.Today}/check-ins");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("present", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("alreadyCheckedIn", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var mark = await app.DbAsync(db => db.Set<AttendanceMark>().SingleAsync(m => m.SessionId == placed.Today));
        Assert.Equal(AttendanceStatus.Present, mark.Status);
        Assert.Equal($"qr-{placed.Today}-{placed.Participants[0]}", mark.ClientId);
        Assert.Equal(placed.Participants[0], live.GetProperty("checkedIn")[0].GetProperty("participantId").GetInt64());
        Assert.Equal(0, live.GetProperty("waiting").GetArrayLength());
    }

    [Fact]
    public async Task ATokenOlderThanItsWindowAndTheOneAfterIsRefusedAsExpired()
    {
        var placed = await PlacedAsync(app.ProviderA);
        var participant = await app.ParticipantClientAsync(placed.Participants[0]);

        var expired = await participant.PostAsJsonAsync("/api/v1/check-in", new { token = await TokenAsync(placed.Cohort, placed.Today, Window - 2) });
        var page = await (await PageAsParticipantAsync(placed.Participants[0])).GetAsync("/hadir/" + await TokenAsync(placed.Cohort, placed.Today, Window - 3));

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("kedaluwarsa", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("Kode sudah kedaluwarsa", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await MarksAsync(placed.Today));
        // The window before the current one still works, for a phone slow to open the link.
        var slow = await participant.PostAsJsonAsync("/api/v1/check-in", new { token = await TokenAsync(placed.Cohort, placed.Today, Window - 1) });
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
    }

    [Fact]
    public async Task AGenuineTokenOfALaterSessionNeverMarksIt()
    {
        var placed = await PlacedAsync(app.ProviderA);
        var participant = await app.ParticipantClientAsync(placed.Participants[0]);

        var response = await participant.PostAsJsonAsync("/api/v1/check-in", new { token = await TokenAsync(placed.Cohort, placed.Later) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await MarksAsync(placed.Later));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(Roles.ProviderStaff)).GetAsync($"/api/v1/cohorts/{placed.Cohort}/sessions/{placed.Later}/check-in.svg")).StatusCode);
    }

    [Fact]
    public async Task AForgedTokenIsRefused()
    {
        var placed = await PlacedAsync(app.ProviderA);
        var participant = await app.ParticipantClientAsync(placed.Participants[0]);
        var token = await TokenAsync(placed.Cohort, placed.Today);
        var forged = string.Create(CultureInfo.InvariantCulture, $"{placed.Cohort}.{placed.Later}.{Window}.") + token.Split('.')[3];

        var response = await participant.PostAsJsonAsync("/api/v1/check-in", new { token = forged });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await MarksAsync(placed.Later));
    }

    [Fact]
    public async Task AParticipantOfAnotherCohortIsRefused()
    {
        var mine = await PlacedAsync(app.ProviderA);
        var other = await PlacedAsync(app.ProviderB);
        var stranger = await app.ParticipantClientAsync(other.Participants[0]);

        var response = await stranger.PostAsJsonAsync("/api/v1/check-in", new { token = await TokenAsync(mine.Cohort, mine.Today) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("angkatan lain", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await MarksAsync(mine.Today));
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.ProgramOfficer)]
    public async Task StaffCannotCheckInAsAParticipant(string role)
    {
        var placed = await PlacedAsync(app.ProviderA);
        var token = await TokenAsync(placed.Cohort, placed.Today);

        var api = await (await app.ApiClientAsync(role)).PostAsJsonAsync("/api/v1/check-in", new { token });
        var page = await (await app.PageClientAsync(role)).GetAsync("/hadir/" + token);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("Hanya peserta", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await MarksAsync(placed.Today));
    }

    [Fact]
    public async Task SomeoneNotSignedInIsSentToTheParticipantSignInAndBack()
    {
        var response = await (await app.PageClientAsync(null)).GetAsync("/hadir/1.2.3.abc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Participant?ReturnUrl=%2Fhadir%2F1.2.3.abc", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnotherProvidersTrainerIsRefusedTheCheckInScreenItsListAndTheSheet()
    {
        var placed = await PlacedAsync(app.ProviderB);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var pages = await app.PageClientAsync(Roles.ProviderStaff);

        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Training/{placed.Cohort}/CheckIn/{placed.Today}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/cohorts/{placed.Cohort}/sessions/{placed.Today}/check-ins")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/cohorts/{placed.Cohort}/sessions/{placed.Today}/check-in.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/cohorts/{placed.Cohort}/attendance-sheet.pdf")).StatusCode);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/cohorts/{placed.Cohort}/attendance-sheet.pdf")).StatusCode);
    }

    [Fact]
    public async Task TheTrainersScreenShowsALargeQrOfAnAbsoluteCheckInLink()
    {
        var placed = await PlacedAsync(app.ProviderA);
        var pages = await app.PageClientAsync(Roles.ProviderStaff);

        var html = await pages.GetStringAsync($"/Training/{placed.Cohort}/CheckIn");
        var svg = await (await app.ApiClientAsync(Roles.ProviderStaff)).GetAsync($"/api/v1/cohorts/{placed.Cohort}/sessions/{placed.Today}/check-in.svg");

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/cohorts/{placed.Cohort}/sessions/{placed.Today}/check-ins", html, StringComparison.Ordinal);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.True(svg.Headers.CacheControl!.NoStore);
    }

    private async Task<HttpClient> PageAsParticipantAsync(long participantId)
    {
        // The bearer token works for the page too: the participant's own sign-in page is another engineer's part.
        var client = await app.ParticipantClientAsync(participantId);
        return client;
    }
}
