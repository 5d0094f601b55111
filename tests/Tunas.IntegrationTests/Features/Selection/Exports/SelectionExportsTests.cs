using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Selection.Exports;

[Collection(SelectionAppGroup.Name)]
public sealed class SelectionExportsTests(SelectionApp app)
{
    [Fact]
    public async Task TheSelectedAndTheWaitlistAreASheetEachWithKelurahanTrackAndTextNiks()
    {
        var s = await ExportScenario.CreateAsync(app, run: true);
        var runId = await ExportScenario.RunIdAsync(app, s.ProgramId);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/results.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var sheets = ExportFiles.Sheets(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Terpilih", "Daftar tunggu"], sheets.Select(x => x.Name));
        var (selected, waiting) = (sheets[0].Rows, sheets[1].Rows);
        // One seat in each kelurahan: "own" (desil 1) and "other" are selected, "own2" waits.
        var nik = ExportFiles.Column(selected, "NIK");
        Assert.Equal(new[] { s.Nik(app, "other"), s.Nik(app, "own") }.Order(), selected.Skip(1).Select(r => Assert.IsType<string>(r[nik])).Order());
        var waiter = Assert.Single(waiting.Skip(1));
        Assert.Equal(s.Nik(app, "own2"), waiter[ExportFiles.Column(waiting, "NIK")]);
        Assert.Equal("Jajanan", waiter[ExportFiles.Column(waiting, "Kejuruan")]);
        Assert.Equal(1d, waiter[ExportFiles.Column(waiting, "Urutan daftar tunggu")]);
        Assert.IsType<DateTime>(waiter[ExportFiles.Column(waiting, "Tanggal lahir")]);
        Assert.Matches("^[0-9]{16}$", Assert.IsType<string>(waiter[ExportFiles.Column(waiting, "No. KK")]));
    }

    [PdfToTextFact]
    public async Task TheReportCarriesTheCountsTheSelectedAndTheAgencysSignatory()
    {
        var s = await ExportScenario.CreateAsync(app, run: true);
        var runId = await ExportScenario.RunIdAsync(app, s.ProgramId);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            await db.Agencies.ExecuteUpdateAsync(u => u
                .SetProperty(a => a.SignatoryName, "Drs. Bambang Sutrisno, M.Si.")
                .SetProperty(a => a.SignatoryTitle, "Kepala Dinas Sosial")
                .SetProperty(a => a.SignatoryEmployeeNumber, "196805121990031007"));
        }
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);

        var pdf = await ExportFiles.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(pdf);
        // A long value wraps onto the next line: read the words in order, one space between them.
        var text = string.Join(' ', pdf.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("BERITA ACARA HASIL SELEKSI", text, StringComparison.Ordinal);
        Assert.Contains("Drs. Bambang Sutrisno, M.Si.", text, StringComparison.Ordinal);
        Assert.Contains("Kepala Dinas Sosial", text, StringComparison.Ordinal);
        Assert.Contains("NIP 196805121990031007", text, StringComparison.Ordinal);
        Assert.Contains("3 pendaftar: 2 terpilih, 1 di daftar tunggu, 0 tidak terpilih, 0 tidak memenuhi syarat.", text, StringComparison.Ordinal);
        Assert.Contains("Warga other Uji", text, StringComparison.Ordinal);
        Assert.Contains("Kota Blitar", text, StringComparison.Ordinal);
        // The document is posted and copied: no NIK in it.
        Assert.DoesNotContain(s.Nik(app, "own"), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    public async Task OnlyOfficersExportTheResultOrPrintTheReport(string role)
    {
        var s = await ExportScenario.CreateAsync(app, run: true);
        var runId = await ExportScenario.RunIdAsync(app, s.ProgramId);
        var client = await app.ApiClientAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/results.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/report.pdf")).StatusCode);
    }

    [Fact]
    public async Task ARunOfAnotherProgramIsNotFound()
    {
        var s = await ExportScenario.CreateAsync(app, run: true);
        var other = await ExportScenario.CreateAsync(app, run: true);
        var runId = await ExportScenario.RunIdAsync(app, other.ProgramId);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/results.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/report.pdf")).StatusCode);
    }
}
