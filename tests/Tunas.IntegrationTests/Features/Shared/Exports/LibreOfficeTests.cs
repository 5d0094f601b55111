using System.Text.RegularExpressions;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Shared.Exports;

/// <summary>Every export, opened by LibreOffice as an office user would: the NIKs come out whole, never as 3.57E+15.</summary>
[Collection(SelectionAppGroup.Name)]
public sealed partial class LibreOfficeTests(SelectionApp app)
{
    [SofficeFact]
    public async Task EveryExportOpensInLibreOfficeWithItsNiksIntact()
    {
        var s = await ExportScenario.CreateAsync(app, run: true);
        var runId = await ExportScenario.RunIdAsync(app, s.ProgramId);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var niks = new[] { s.Nik(app, "own"), s.Nik(app, "other") };
        foreach (var url in (string[])[$"/api/v1/programs/{s.ProgramId}/applications.xlsx", $"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/results.xlsx", "/api/v1/persons.xlsx"])
        {
            var csv = await ExportFiles.SofficeCsvAsync(await officer.GetByteArrayAsync(url));
            Assert.NotNull(csv);
            foreach (var nik in niks)
            {
                Assert.True(csv.Contains(nik, StringComparison.Ordinal), $"{url}: NIK {nik} not found in LibreOffice's CSV:\n{csv[..Math.Min(csv.Length, 600)]}");
            }
            Assert.DoesNotMatch(Scientific(), csv);
            Assert.Contains("'" + ExportScenario.FormulaName, csv, StringComparison.Ordinal);
        }
    }

    [SofficeFact]
    public async Task EverySheetOfTheResultOpensInLibreOfficeWithItsNiksIntact()
    {
        var s = await ExportScenario.CreateAsync(app, run: true);
        var runId = await ExportScenario.RunIdAsync(app, s.ProgramId);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var sheets = await ExportFiles.SofficeCsvSheetsAsync(await officer.GetByteArrayAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/results.xlsx"));
        Assert.NotNull(sheets);
        Assert.Equal(["Daftar tunggu", "Terpilih"], sheets.Keys.Order(StringComparer.Ordinal));
        // The waitlist is the second sheet, which a plain conversion to CSV never reads.
        Assert.Contains(s.Nik(app, "own2"), sheets["Daftar tunggu"], StringComparison.Ordinal);
        Assert.Contains(s.Nik(app, "own"), sheets["Terpilih"], StringComparison.Ordinal);
        Assert.All(sheets.Values, csv => Assert.DoesNotMatch(Scientific(), csv));
    }

    /// <summary>The fourth export, the berita acara, is a PDF that is posted and copied: it names the selected, never their NIKs.</summary>
    [PdfToTextFact]
    public async Task TheReportCarriesNoNikAtAll()
    {
        var s = await ExportScenario.CreateAsync(app, run: true);
        var runId = await ExportScenario.RunIdAsync(app, s.ProgramId);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var pdf = await ExportFiles.PdfTextAsync(await officer.GetByteArrayAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/report.pdf"));
        Assert.NotNull(pdf);
        Assert.Contains("Warga other Uji", pdf, StringComparison.Ordinal);
        foreach (var who in (string[])["own", "own2", "other"])
        {
            Assert.DoesNotContain(s.Nik(app, who), pdf, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("[0-9],?[0-9]*E\\+1[0-9]")]
    private static partial Regex Scientific();
}
