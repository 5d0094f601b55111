using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Selection;

[Collection(SelectionAppGroup.Name)]
public sealed class SelectionPagesTests(SelectionApp app)
{
    private async Task<ProgramScenario> ArrangeAsync(Action<Tunas.Web.Features.Programs.TrainingProgram>? configure = null)
    {
        var s = await ProgramScenario.CreateAsync(app, configure);
        await s.QuotasAsync(app, (ProgramScenario.Village1, s.TrackA, 1));
        await s.ApplyAsync(app, "a", ProgramScenario.Village1, 1, s.TrackA);
        await s.ApplyAsync(app, "b", ProgramScenario.Village1, 2, s.TrackA);
        await s.ApplyAsync(app, "c", ProgramScenario.Village1, 9, s.TrackA);
        return s;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task AnOfficerRunsPublishesAndWithdrawsInTheBrowser()
    {
        var s = await ArrangeAsync();
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var page = $"/Selection/{s.ProgramId}";
        var overview = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Jalankan seleksi", await TextAsync(overview), StringComparison.Ordinal);

        var run = await client.PostAsync(page + "?handler=Run", await TunasFactory.FormAsync(client, page, []));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var runPage = run.Headers.Location!.OriginalString;
        Assert.Matches($"^/Selection/{s.ProgramId}/Runs/[0-9]+$", runPage);

        var details = await TextAsync(await client.GetAsync(runPage));
        Assert.True(details.Contains("Seleksi ke-1", StringComparison.Ordinal), string.Join("\n", app.LogLines.Where(l => l.Contains("xception", StringComparison.Ordinal)).TakeLast(2)));
        Assert.Contains("Seleksi ke-1", details, StringComparison.Ordinal);
        Assert.Contains("Warga a Uji", details, StringComparison.Ordinal);
        Assert.Contains("Desil kesejahteraan 9 melebihi batas maksimal 4.", details, StringComparison.Ordinal);
        Assert.Contains("3 pendaftar: 1 terpilih, 1 di daftar tunggu, 0 tidak terpilih, 1 tidak memenuhi syarat.", details, StringComparison.Ordinal);

        var publish = await client.PostAsync(runPage + "?handler=Publish", await TunasFactory.FormAsync(client, runPage, []));
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Contains("Hasil sudah diumumkan", await TextAsync(publish), StringComparison.Ordinal);

        var withdraw = await client.PostAsync(runPage + "?handler=Withdraw", await TunasFactory.FormAsync(client, runPage, new()
        {
            ["applicationId"] = s.Applicants["a"].ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["reason"] = "Bekerja di luar kota",
        }));
        var text = await TextAsync(withdraw);
        Assert.Contains("naik dari daftar tunggu", text, StringComparison.Ordinal);

        // The run can no longer be repeated from the page either.
        var again = await client.PostAsync(page + "?handler=Run", await TunasFactory.FormAsync(client, runPage, []));
        Assert.Contains("sudah diumumkan", await TextAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicSeesTheResultListWithoutNiksAndLodgesAnAppeal()
    {
        var s = await ArrangeAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var created = await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null);
        var runId = created.Headers.Location!.OriginalString.Split('/')[^1];
        await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);

        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var list = await TextAsync(await anonymous.GetAsync("/Results"));
        Assert.Contains($"/Results/{s.ProgramId}", list, StringComparison.Ordinal);
        var results = await TextAsync(await anonymous.GetAsync($"/Results/{s.ProgramId}"));
        Assert.Contains("W. A. U.", results, StringComparison.Ordinal);
        Assert.Contains("Terpilih", results, StringComparison.Ordinal);
        foreach (var key in s.Applicants.Keys)
        {
            Assert.DoesNotContain(s.Nik(app, key), results, StringComparison.Ordinal);
        }

        string number;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var id = s.Applicants["c"].ApplicationId;
            number = await db.Applications.Where(a => a.Id == id).Select(a => a.RegistrationNumber).FirstAsync();
        }
        var birth = s.Applicants["c"].BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var empty = await anonymous.PostAsync("/Appeal", await TunasFactory.FormAsync(anonymous, "/Appeal", new() { ["RegistrationNumber"] = number, ["BirthDate"] = birth, ["Text"] = "" }));
        Assert.Contains("Tuliskan alasan sanggahan", await TextAsync(empty), StringComparison.Ordinal);
        var wrong = await anonymous.PostAsync("/Appeal", await TunasFactory.FormAsync(anonymous, "/Appeal", new() { ["RegistrationNumber"] = number, ["BirthDate"] = "01/01/1950", ["Text"] = "Desil saya sudah berubah menjadi 3." }));
        Assert.Contains("Tidak ada pendaftaran", await TextAsync(wrong), StringComparison.Ordinal);
        var lodged = await anonymous.PostAsync("/Appeal", await TunasFactory.FormAsync(anonymous, "/Appeal", new() { ["RegistrationNumber"] = number, ["BirthDate"] = birth, ["Text"] = "Desil saya sudah berubah menjadi 3." }));
        Assert.Contains("data-testid=\"appeal-lodged\"", await TextAsync(lodged), StringComparison.Ordinal);

        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var appealsPage = $"/Selection/{s.ProgramId}/Appeals";
        var appeals = await TextAsync(await client.GetAsync(appealsPage));
        Assert.Contains("Desil saya sudah berubah menjadi 3.", appeals, StringComparison.Ordinal);
        long appealId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var id = s.Applicants["c"].ApplicationId;
            appealId = await db.Appeals.Where(a => a.ApplicationId == id).Select(a => a.Id).FirstAsync();
        }
        var noChoice = await client.PostAsync(appealsPage + "?handler=Answer", await TunasFactory.FormAsync(client, appealsPage, new() { ["appealId"] = appealId.ToString(CultureInfo.InvariantCulture), ["answer"] = "Dicek." }));
        Assert.Contains("Tuliskan jawaban", await TextAsync(noChoice), StringComparison.Ordinal);
        var answered = await client.PostAsync(appealsPage + "?handler=Answer", await TunasFactory.FormAsync(client, appealsPage, new()
        {
            ["appealId"] = appealId.ToString(CultureInfo.InvariantCulture),
            ["decision"] = "upheld",
            ["answer"] = "Desil Anda 3 menurut DTSEN terbaru; Anda masuk daftar tunggu.",
            ["newStatus"] = nameof(DecisionStatus.Waitlisted),
        }));
        Assert.Contains("Jawaban tersimpan", await TextAsync(answered), StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var id = s.Applicants["c"].ApplicationId;
            Assert.Equal(DecisionStatus.Waitlisted, await db.SelectionDecisions.Where(d => d.ApplicationId == id).Select(d => d.Status).FirstAsync());
        }
    }

    [Fact]
    public async Task TheSelectionPagesWriteTheirDatesAsPeopleDoAndLeadToTheApplications()
    {
        var s = await ArrangeAsync(p =>
        {
            p.RegistrationOpens = new DateOnly(2025, 9, 1);
            p.RegistrationCloses = new DateOnly(2025, 10, 1);
            p.AppealOpens = new DateOnly(2025, 10, 13);
            p.AppealCloses = new DateOnly(2025, 10, 18);
        });
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var overview = await TextAsync(await client.GetAsync($"/Selection/{s.ProgramId}"));
        Assert.Contains("3 pendaftaran; pendaftaran dibuka 1 September 2025 sampai 1 Oktober 2025.", overview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Applications?programId={s.ProgramId}\"", overview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Programs/{s.ProgramId}\"", overview, StringComparison.Ordinal);

        var appeals = await TextAsync(await client.GetAsync($"/Selection/{s.ProgramId}/Appeals"));
        Assert.Contains("Masa sanggah: 13 Oktober 2025 sampai 18 Oktober 2025.", appeals, StringComparison.Ordinal);
        Assert.DoesNotContain("13/10/2025", appeals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnpublishedProgramHasNoPublicResult()
    {
        var s = await ArrangeAsync();
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Results/{s.ProgramId}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Participant)]
    public async Task OtherRolesCannotOpenTheSelectionPages(string role)
    {
        var s = await ArrangeAsync();
        var client = await app.PageClientAsync(role);
        foreach (var url in new[] { "/Selection", $"/Selection/{s.ProgramId}", $"/Selection/{s.ProgramId}/Appeals" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, url + " " + response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }
}
