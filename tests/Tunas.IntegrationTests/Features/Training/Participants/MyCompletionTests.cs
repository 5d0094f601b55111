using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training.Participants;

/// <summary>A participant's own completion on <c>/me</c> and <c>GET /api/v1/me</c>, by the cohort list's rule (issue 13).</summary>
public sealed class MyCompletionTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    [Fact]
    public async Task AParticipantSeesTheirOwnCompletionAndItsReasonsInIndonesianNeverAnothers()
    {
        var s = await CertificateScenario.CreateAsync(app, 2, app.ProviderA);
        var (full, seldom) = (s.Participants[0], s.Participants[1]);
        await s.AttendAsync(app, full, s.Sessions.Count);
        await s.AttendAsync(app, seldom, 1);
        await s.AssessAsync(app, full, "competent");
        await s.AssessAsync(app, seldom, "notYetCompetent");
        var staff = await app.ApiClientAsync(Roles.ProgramOfficer);
        var verdicts = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{s.Cohort}/completion")).EnumerateArray()
            .ToDictionary(v => v.GetProperty("participantId").GetInt64(), v => v.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList());

        using var fullPhone = await app.ParticipantClientAsync(full);
        using var seldomPhone = await app.ParticipantClientAsync(seldom);
        var fullMe = (await fullPhone.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("completion");
        var seldomMe = (await seldomPhone.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("completion");
        var seldomPage = await seldomPhone.GetStringAsync("/me");
        var fullPage = await fullPhone.GetStringAsync("/me");

        Assert.True(fullMe.GetProperty("completed").GetBoolean());
        Assert.Empty(fullMe.GetProperty("reasons").EnumerateArray());
        Assert.False(seldomMe.GetProperty("completed").GetBoolean());
        var reasons = seldomMe.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(verdicts[seldom], reasons);
        Assert.Equal([$"Kehadiran 1 dari {s.Sessions.Count} sesi ({100 / s.Sessions.Count}%), kurang dari 80%.", "Hasil praktik: belum kompeten."], reasons);
        Assert.Contains("data-completed=\"false\"", seldomPage, StringComparison.Ordinal);
        Assert.Contains("Hasil praktik: belum kompeten.", seldomPage, StringComparison.Ordinal);
        Assert.Contains("data-completed=\"true\"", fullPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Hasil praktik: belum kompeten.", fullPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await seldomPhone.GetAsync($"/api/v1/cohorts/{s.Cohort}/completion")).StatusCode);
    }
}
