using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

public sealed class WaitlistRefillTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private static DateOnly Today => ProgramScenario.Today;

    [Fact]
    public async Task AWithdrawalBeforeTheStartGivesThePlaceToTheNextOnTheWaitlistWithAPlacementMessage()
    {
        var scenario = await app.PublishedAsync(2, waitlisted: 1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Isi Ulang", 2, Today.AddDays(10));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var leaving = await app.DbAsync(db => db.Set<CohortParticipant>().OrderBy(p => p.Id).FirstAsync(p => p.CohortId == cohort));

        var response = await officer.PostAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/applications/{leaving.ApplicationId}/withdraw", new { reason = "Pindah ke luar kota" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var promotedNumber = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("promotedRegistrationNumber").GetString();
        Assert.NotNull(promotedNumber);
        var promoted = await app.DbAsync(db => db.Applications.SingleAsync(a => a.RegistrationNumber == promotedNumber));
        var rows = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).ToListAsync());
        Assert.Equal(2, rows.Count(p => p.Status == ParticipantStatus.Placed));
        Assert.Equal(ParticipantStatus.Placed, Assert.Single(rows, p => p.ApplicationId == promoted.Id).Status);
        var left = Assert.Single(rows, p => p.Id == leaving.Id);
        Assert.Equal(ParticipantStatus.DroppedOut, left.Status);
        Assert.Contains("Pindah ke luar kota", left.DropOutReason, StringComparison.Ordinal);
        var message = await app.DbAsync(db => db.OutboxMessages.SingleAsync(m => m.ApplicationId == promoted.Id && m.Kind == MessageKind.TrainingPlacement));
        Assert.Contains("angkatan Isi Ulang", message.Body, StringComparison.Ordinal);
        Assert.Contains("Hari pertama: " + TrainingTexts.Day(Today.AddDays(10)), message.Body, StringComparison.Ordinal);
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "cohort.place-refilled" && e.EntityId == cohort.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var again = await (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("placed").GetInt32());
        Assert.Equal(1, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ApplicationId == promoted.Id && m.Kind == MessageKind.TrainingPlacement)));
    }

    [Fact]
    public async Task AfterTheStartAWithdrawalIsRefusedAndADropOutRefillsNothing()
    {
        var scenario = await app.PublishedAsync(2, waitlisted: 1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Sudah Mulai", 2, Today.AddDays(-1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var leaving = await app.DbAsync(db => db.Set<CohortParticipant>().OrderBy(p => p.Id).FirstAsync(p => p.CohortId == cohort));

        var withdrawn = await officer.PostAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/applications/{leaving.ApplicationId}/withdraw", new { reason = "Bekerja" });
        var dropped = await officer.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/participants/{leaving.Id}/drop-out", new { reason = "Bekerja di luar kota" });

        Assert.Equal(HttpStatusCode.Conflict, withdrawn.StatusCode);
        Assert.Contains("Pelatihan sudah dimulai", await withdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, await app.DbAsync(db => db.Applications.Where(a => a.Id == leaving.ApplicationId).Select(a => a.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        var rows = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(1, rows.Count(p => p.Status == ParticipantStatus.Placed));
        Assert.Equal(1, await app.DbAsync(db => db.SelectionDecisions.CountAsync(d => d.ApplicationId != leaving.ApplicationId
            && db.Applications.Any(a => a.Id == d.ApplicationId && a.ProgramId == scenario.ProgramId) && d.Status == DecisionStatus.Waitlisted)));
        Assert.Equal(0, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ProgramId == scenario.ProgramId && m.Kind == MessageKind.Promotion)));
    }
}
