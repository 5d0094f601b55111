using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications.Exports;

[Collection(SelectionAppGroup.Name)]
public sealed class ApplicationExportsTests(SelectionApp app)
{
    [Fact]
    public async Task TheApplicantsExportKeepsNikAndKkAsTextAndDatesAsDates()
    {
        var s = await ExportScenario.CreateAsync(app);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.GetAsync($"/api/v1/programs/{s.ProgramId}/applications.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var rows = ExportFiles.Sheets(await response.Content.ReadAsByteArrayAsync())[0].Rows;
        Assert.Equal(1 + 3, rows.Count);
        var (nik, kk, name, birth) = (ExportFiles.Column(rows, "NIK"), ExportFiles.Column(rows, "No. KK"), ExportFiles.Column(rows, "Nama"), ExportFiles.Column(rows, "Tanggal lahir"));
        var ownNik = s.Nik(app, "own");
        var own = Assert.Single(rows, r => r[nik] as string == ownNik);
        Assert.Equal(ExportScenario.FamilyCard(app, s.Applicants["own"].PersonId), Assert.IsType<string>(own[kk]));
        Assert.Matches("^[0-9]{16}$", (string)own[kk]!);
        Assert.Equal(s.Applicants["own"].BirthDate.ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(own[birth]));
        // A name that begins like a formula is written as text with a quote in front.
        Assert.Equal("'" + ExportScenario.FormulaName, own[name]);
    }

    [Fact]
    public async Task AnOperatorExportsOnlyTheirOwnKelurahanAndTheExportIsAudited()
    {
        var s = await ExportScenario.CreateAsync(app);
        var client = await app.ApiClientAsync(Roles.VillageOperator);
        // Asking for another kelurahan does not widen an operator's export.
        var response = await client.GetAsync($"/api/v1/programs/{s.ProgramId}/applications.xlsx?village={ProgramScenario.Village1}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.Sheets(await response.Content.ReadAsByteArrayAsync())[0].Rows;
        var niks = rows.Skip(1).Select(r => r[ExportFiles.Column(rows, "NIK")] as string).ToHashSet();
        Assert.Equal(new[] { s.Nik(app, "own"), s.Nik(app, "own2") }.Order(), niks.Order());
        Assert.DoesNotContain(s.Nik(app, "other"), niks);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var entry = await db.AuditEntries.Where(e => e.Action == "application.exported" && e.EntityId == s.ProgramId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(TunasFactory.EmailOf(Roles.VillageOperator), entry.ActorName);
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.Equal(2, details.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(TunasFactory.OperatorVillage, details.RootElement.GetProperty("village").GetString());
    }

    [Theory]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.ProviderStaff)]
    public async Task RolesThatMayNotSeeApplicantsCannotExportThem(string role)
    {
        var s = await ExportScenario.CreateAsync(app);
        var client = await app.ApiClientAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/programs/{s.ProgramId}/applications.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/programs/{s.ProgramId}/applications.xlsx")).StatusCode);
    }

    [Fact]
    public async Task AnOperatorPrintsAReceiptForTheirOwnKelurahanOnly()
    {
        var s = await ExportScenario.CreateAsync(app);
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var own = await client.GetAsync($"/Applications/Receipt/{s.Applicants["own2"].ApplicationId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync());
        Assert.Contains("Tanda terima pendaftaran", html, StringComparison.Ordinal);
        Assert.Contains("Warga own2 Uji", html, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Nik(app, "own2"), html, StringComparison.Ordinal);
        Assert.Contains("/css/receipt.css", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Applications/Receipt/{s.Applicants["other"].ApplicationId}")).StatusCode);
    }
}
