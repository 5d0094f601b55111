using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

public sealed class CohortCorrectionTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private static DateOnly Today => ProgramScenario.Today;

    [Fact]
    public async Task ANewFirstDayOrPlaceSendsEachPlacedParticipantOneCorrectionNamingIt()
    {
        var scenario = await app.PublishedAsync(3);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Koreksi", 3, Today.AddDays(10));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var moved = Today.AddDays(17);

        var changed = await officer.PutAsJsonAsync($"/api/v1/cohorts/{cohort}", Body(scenario, "Koreksi", "Aula Dinas Sosial", moved));
        var retried = await officer.PutAsJsonAsync($"/api/v1/cohorts/{cohort}", Body(scenario, "Koreksi", "Aula Dinas Sosial", moved));
        var placeChanged = await officer.PutAsJsonAsync($"/api/v1/cohorts/{cohort}", Body(scenario, "Koreksi", "Bengkel SMK Negeri 3, Jl. Kalimantan 111", moved));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, placeChanged.StatusCode);
        var corrections = await CorrectionsAsync(scenario.ProgramId);
        Assert.Equal(6, corrections.Count);
        var participants = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).Select(p => p.ApplicationId).ToListAsync());
        Assert.All(participants, id => Assert.Equal(2, corrections.Count(m => m.ApplicationId == id)));
        var firstRound = corrections.Take(3).ToList();
        Assert.All(firstRound, m => Assert.Contains("Perubahan tanggal pelatihan", m.Body, StringComparison.Ordinal));
        Assert.All(firstRound, m => Assert.Contains("Hari pertama: " + TrainingTexts.Day(moved), m.Body, StringComparison.Ordinal));
        Assert.All(corrections.Skip(3), m => Assert.Contains("Perubahan tempat pelatihan", m.Body, StringComparison.Ordinal));
        Assert.All(corrections.Skip(3), m => Assert.Contains("Tempat: Bengkel SMK Negeri 3, Jl. Kalimantan 111", m.Body, StringComparison.Ordinal));
        Assert.All(corrections, m => Assert.DoesNotMatch(@"\d{16}", m.Body));
    }

    [Fact]
    public async Task ANewNameOrCapacityAloneSendsNoCorrection()
    {
        var scenario = await app.PublishedAsync(2);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Nama Lama", 2, Today.AddDays(10));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();

        var renamed = await officer.PutAsJsonAsync($"/api/v1/cohorts/{cohort}", Body(scenario, "Nama Baru", "Aula Dinas Sosial", Today.AddDays(10), capacity: 5));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Nama Baru", await app.DbAsync(db => db.Set<Cohort>().Where(c => c.Id == cohort).Select(c => c.Name).SingleAsync()));
        Assert.Empty(await CorrectionsAsync(scenario.ProgramId));
        Assert.Equal(2, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.ProgramId == scenario.ProgramId && m.Kind == MessageKind.TrainingPlacement)));
    }

    private Task<List<OutboxMessage>> CorrectionsAsync(int programId) => app.DbAsync(db => db.OutboxMessages
        .Where(m => m.ProgramId == programId && m.Kind == MessageKind.TrainingPlacement && m.DedupeKey.StartsWith("placement-correction:"))
        .OrderBy(m => m.Id).ToListAsync());

    private object Body(ProgramScenario scenario, string name, string place, DateOnly starts, int capacity = 3) => new
    {
        trackId = scenario.TrackA,
        providerId = app.ProviderA,
        name,
        place,
        startsOn = starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        endsOn = starts.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        capacity,
    };
}
