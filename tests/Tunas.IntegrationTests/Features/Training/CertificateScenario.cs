using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

/// <summary>
/// A finished cohort of <c>people</c> participants at a provider, its sessions held in the past. Attendance and
/// practical results are set per participant by the test.
/// </summary>
internal sealed record CertificateScenario(int ProgramId, int Cohort, IReadOnlyList<long> Participants, IReadOnlyList<long> Sessions)
{
    public static async Task<CertificateScenario> CreateAsync(TrainingApp app, int people, int providerId)
    {
        var scenario = await app.PublishedAsync(people);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, providerId, "Angkatan Sertifikat", people, ProgramScenario.Today.AddDays(-10), days: 5);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var sessions = await app.DbAsync(db => db.Set<CohortSession>().Where(s => s.CohortId == cohort).OrderBy(s => s.Date).ThenBy(s => s.SortOrder).Select(s => s.Id).ToListAsync());
        var participants = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        return new CertificateScenario(scenario.ProgramId, cohort, participants, sessions);
    }

    /// <summary>Marks the participant present at the first <paramref name="attended"/> sessions and absent at the rest.</summary>
    public async Task AttendAsync(TrainingApp app, long participant, int attended, string status = "present")
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        for (var i = 0; i < Sessions.Count; i++)
        {
            var mark = new[] { new { participantId = participant, status = i < attended ? status : "absent", clientId = $"c{Cohort}-p{participant}-s{i}" } };
            (await officer.PutAsJsonAsync($"/api/v1/cohorts/{Cohort}/sessions/{Sessions[i]}/attendance", mark)).EnsureSuccessStatusCode();
        }
    }

    public async Task AssessAsync(TrainingApp app, long participant, string practical)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PutAsJsonAsync($"/api/v1/cohorts/{Cohort}/participants/{participant}/assessment", new { preTest = 40, postTest = 85, practical })).EnsureSuccessStatusCode();
    }

    public static Task<string> NameAsync(TrainingApp app, long participant) => app.DbAsync(db => (
        from x in db.Set<CohortParticipant>()
        where x.Id == participant
        join a in db.Applications on x.ApplicationId equals a.Id
        join p in db.Persons on a.PersonId equals p.Id
        select p.FullName).SingleAsync());
}
