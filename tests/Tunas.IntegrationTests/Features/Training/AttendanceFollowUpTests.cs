using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

/// <summary>The paper sheet, marks typed in afterwards, two absences in a row, and the trainer's home (issue 13).</summary>
public sealed class AttendanceFollowUpTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private async Task<(int Cohort, IReadOnlyList<long> Sessions, long Participant)> PlacedAsync(DateOnly starts, int days)
    {
        var scenario = await app.PublishedAsync(1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Tindak lanjut", 5, starts, days);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var sessions = await app.DbAsync(db => db.Set<CohortSession>().Where(s => s.CohortId == cohort)
            .OrderBy(s => s.Date).ThenBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync());
        var participant = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).Select(p => p.Id).SingleAsync());
        return (cohort, sessions, participant);
    }

    private static async Task MarkAsync(HttpClient client, int cohort, long session, long participant, string status)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/sessions/{session}/attendance",
            new[] { new { participantId = participant, status, clientId = $"t-{session}-{status}-{Guid.NewGuid():N}" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ThePaperSheetIsAnA4LandscapePdfWithAPageForEachGroupOfSessions()
    {
        var (cohort, sessions, _) = await PlacedAsync(ProgramScenario.Today.AddDays(-20), 14);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.GetAsync($"/api/v1/cohorts/{cohort}/attendance-sheet.pdf");
        var pdf = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
        var details = await (await app.PageClientAsync(Roles.ProviderStaff)).GetStringAsync($"/Training/{cohort}");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", pdf, StringComparison.Ordinal);
        var pages = System.Text.RegularExpressions.Regex.Count(pdf, @"/Type\s*/Page\b");
        Assert.True(sessions.Count > 8 && pages >= 2, $"{sessions.Count} sessions on {pages} pages");
        // Landscape: the page box is wider than high, or turned by 90 degrees.
        var box = System.Text.RegularExpressions.Regex.Match(pdf, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)").Groups;
        var (w, h) = (double.Parse(box[1].Value, CultureInfo.InvariantCulture), double.Parse(box[2].Value, CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(Math.Max(w, h) - 842) < 2 && Math.Abs(Math.Min(w, h) - 595) < 2, $"{w} x {h}");
        Assert.True(w > h || System.Text.RegularExpressions.Regex.IsMatch(pdf, @"/Rotate\s+(90|270)"), $"{w} x {h}, not turned");
        Assert.Contains($"/api/v1/cohorts/{cohort}/attendance-sheet.pdf", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarksOfAPastSessionCanBeTypedInAfterwards()
    {
        var (cohort, sessions, participant) = await PlacedAsync(ProgramScenario.Today.AddDays(-10), 3);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);

        await MarkAsync(staff, cohort, sessions[0], participant, "excused");

        Assert.Equal(AttendanceStatus.Excused, await app.DbAsync(db => db.Set<AttendanceMark>().Where(m => m.SessionId == sessions[0]).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task TwoAbsencesInARowWarnTheOfficerAndOneDoesNot()
    {
        var (cohort, sessions, participant) = await PlacedAsync(ProgramScenario.Today.AddDays(-3), 5);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        var marker = $"data-participant=\"{participant.ToString(CultureInfo.InvariantCulture)}\"><a href=\"/Training/{cohort}\"";

        await MarkAsync(staff, cohort, sessions[0], participant, "absent");
        await MarkAsync(staff, cohort, sessions[1], participant, "present");
        await MarkAsync(staff, cohort, sessions[2], participant, "absent");
        var afterOne = await officer.GetStringAsync($"/Training/{cohort}");
        var deskAfterOne = await officer.GetStringAsync("/Beranda");
        await MarkAsync(staff, cohort, sessions[3], participant, "absent");
        var afterTwo = await officer.GetStringAsync($"/Training/{cohort}");
        var deskAfterTwo = await officer.GetStringAsync("/Beranda");

        Assert.DoesNotContain("Tidak hadir dua sesi berturut-turut", afterOne, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, deskAfterOne, StringComparison.Ordinal);
        Assert.Contains("Tidak hadir dua sesi berturut-turut", afterTwo, StringComparison.Ordinal);
        Assert.Contains(marker, deskAfterTwo, StringComparison.Ordinal);
        // The trainer sees no warning: following up is the officer's.
        Assert.DoesNotContain("Tidak hadir dua sesi berturut-turut", await (await app.PageClientAsync(Roles.ProviderStaff)).GetStringAsync($"/Training/{cohort}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrainersHomeShowsTodaysSessionsWithTheAttendanceAndCheckInLinks()
    {
        var (cohort, sessions, _) = await PlacedAsync(ProgramScenario.Today, 2);
        var today = await app.DbAsync(db => db.Set<CohortSession>().Where(s => s.CohortId == cohort && s.Date == ProgramScenario.Today).Select(s => s.Id).FirstAsync());

        var home = await (await app.PageClientAsync(Roles.ProviderStaff)).GetStringAsync("/Beranda");

        Assert.Contains($"/Training/{cohort}/Attendance/{today}", home, StringComparison.Ordinal);
        Assert.Contains($"/Training/{cohort}/CheckIn/{today}", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Training/{cohort}/Attendance/{sessions[^1]}\"", home, StringComparison.Ordinal);
    }
}
