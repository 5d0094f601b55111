using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Training.Assessments;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

public sealed class AssessmentTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    [Fact]
    public async Task TheTrainerRecordsAnAssessmentWithItsBusinessPlan()
    {
        var s = await CertificateScenario.CreateAsync(app, 1, app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);

        var response = await staff.PutAsJsonAsync($"/api/v1/cohorts/{s.Cohort}/participants/{s.Participants[0]}/assessment", new
        {
            preTest = 45,
            postTest = "90",
            practical = "competent",
            rubricNotes = "Jahitan rapi.\nPola tepat.",
            businessPlan = new { product = "Gamis anak", price = 150000, unitCost = "Rp 90.000", customers = "Tetangga dan pengajian", capitalNeeded = 2500000 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await app.DbAsync(db => db.Set<ParticipantAssessment>().SingleAsync(a => a.ParticipantId == s.Participants[0]));
        Assert.Equal((45, 90, PracticalResult.Competent), (row.PreTest!.Value, row.PostTest!.Value, row.Practical!.Value));
        Assert.Equal((150_000L, 90_000L, 2_500_000L), (row.Price!.Value, row.UnitCost!.Value, row.CapitalNeeded!.Value));
        Assert.Equal("Jahitan rapi.\nPola tepat.", row.RubricNotes);
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "assessment.saved")));
    }

    [Fact]
    public async Task BadValuesAreRefusedFieldByFieldInIndonesianAndNothingIsStored()
    {
        var s = await CertificateScenario.CreateAsync(app, 1, app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var url = $"/api/v1/cohorts/{s.Cohort}/participants/{s.Participants[0]}/assessment";
        (await staff.PutAsJsonAsync(url, new { preTest = 10 })).EnsureSuccessStatusCode();

        var response = await staff.PutAsJsonAsync(url, new
        {
            preTest = 101,
            postTest = -3,
            practical = "lumayan",
            rubricNotes = new string('x', 1001),
            businessPlan = new { price = "12,5", product = new string('y', 201) },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Nilai berupa bilangan bulat 0 sampai 100; '101' bukan.", errors.GetProperty("preTest")[0].GetString());
        Assert.Equal("Nilai berupa bilangan bulat 0 sampai 100; '-3' bukan.", errors.GetProperty("postTest")[0].GetString());
        Assert.Contains("'lumayan' bukan", errors.GetProperty("practical")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Paling banyak 1000 karakter.", errors.GetProperty("rubricNotes")[0].GetString());
        Assert.Contains("rupiah bulat", errors.GetProperty("businessPlan.price")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Paling banyak 200 karakter.", errors.GetProperty("businessPlan.product")[0].GetString());
        var row = await app.DbAsync(db => db.Set<ParticipantAssessment>().SingleAsync(a => a.ParticipantId == s.Participants[0]));
        Assert.Equal(10, row.PreTest);
        Assert.Null(row.Practical);
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)] // a trainer of another provider
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    public async Task OnlyTheCohortsOwnTrainersAndOfficersAssessAndSeeCompletion(string role)
    {
        var s = await CertificateScenario.CreateAsync(app, 1, app.ProviderB);
        var client = await app.ApiClientAsync(role);

        var put = await client.PutAsJsonAsync($"/api/v1/cohorts/{s.Cohort}/participants/{s.Participants[0]}/assessment", new { practical = "competent" });
        var completion = await client.GetAsync($"/api/v1/cohorts/{s.Cohort}/completion");
        var page = await (await app.PageClientAsync(role)).GetAsync($"/Training/{s.Cohort}/Assessments");

        var expected = role == Roles.ProviderStaff ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, put.StatusCode);
        Assert.Equal(expected, completion.StatusCode);
        Assert.Equal(role == Roles.ProviderStaff ? HttpStatusCode.NotFound : HttpStatusCode.Redirect, page.StatusCode);
        Assert.False(await app.DbAsync(db => db.Set<ParticipantAssessment>().AnyAsync(a => a.ParticipantId == s.Participants[0])));
    }

    [Fact]
    public async Task AParticipantOfAnotherCohortIsNotFound()
    {
        var one = await CertificateScenario.CreateAsync(app, 1, app.ProviderA);
        var two = await CertificateScenario.CreateAsync(app, 1, app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);

        var response = await staff.PutAsJsonAsync($"/api/v1/cohorts/{one.Cohort}/participants/{two.Participants[0]}/assessment", new { practical = "competent" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CompletionFollowsTheProgramsRuleAndSaysWhyInIndonesian()
    {
        var s = await CertificateScenario.CreateAsync(app, 4, app.ProviderA);
        var (full, seldom, notYet, dropped) = (s.Participants[0], s.Participants[1], s.Participants[2], s.Participants[3]);
        var total = s.Sessions.Count;
        await s.AttendAsync(app, full, total, status: "late");
        await s.AttendAsync(app, seldom, 1);
        await s.AttendAsync(app, notYet, total);
        await s.AttendAsync(app, dropped, total);
        await s.AssessAsync(app, full, "competent");
        await s.AssessAsync(app, seldom, "competent");
        await s.AssessAsync(app, notYet, "notYetCompetent");
        await s.AssessAsync(app, dropped, "competent");
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsJsonAsync($"/api/v1/cohorts/{s.Cohort}/participants/{dropped}/drop-out", new { reason = "Pindah kota" })).EnsureSuccessStatusCode();
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);

        var verdicts = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{s.Cohort}/completion")).EnumerateArray()
            .ToDictionary(v => v.GetProperty("participantId").GetInt64());

        Assert.True(verdicts[full].GetProperty("completed").GetBoolean());
        Assert.Empty(verdicts[full].GetProperty("reasons").EnumerateArray());
        Assert.False(verdicts[seldom].GetProperty("completed").GetBoolean());
        Assert.Equal($"Kehadiran 1 dari {total} sesi ({100 / total}%), kurang dari 80%.", verdicts[seldom].GetProperty("reasons")[0].GetString());
        Assert.Equal(["Hasil praktik: belum kompeten."], verdicts[notYet].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.False(verdicts[dropped].GetProperty("completed").GetBoolean());
        Assert.StartsWith("Berhenti (keluar) pada ", verdicts[dropped].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        // The program may ask no practical: the one not yet competent then completes.
        (await officer.PutAsJsonAsync($"/api/v1/programs/{s.ProgramId}/rules", new { completionAttendancePercent = 80, completionRequiresPractical = false })).EnsureSuccessStatusCode();
        var after = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{s.Cohort}/completion")).EnumerateArray()
            .ToDictionary(v => v.GetProperty("participantId").GetInt64());
        Assert.True(after[notYet].GetProperty("completed").GetBoolean());
        Assert.False(after[seldom].GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task TheCompletionRuleRefusesAPercentOutOfRangeInIndonesian()
    {
        var s = await CertificateScenario.CreateAsync(app, 1, app.ProviderA);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PutAsJsonAsync($"/api/v1/programs/{s.ProgramId}/rules", new { completionAttendancePercent = 120 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("persen bulat 0 sampai 100", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rules = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{s.ProgramId}/rules");
        Assert.Equal(80, rules.GetProperty("completionAttendancePercent").GetInt32());
        Assert.True(rules.GetProperty("completionRequiresPractical").GetBoolean());
    }
}
