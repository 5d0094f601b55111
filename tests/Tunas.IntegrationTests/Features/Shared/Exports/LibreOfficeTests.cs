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

    [GeneratedRegex("[0-9],?[0-9]*E\\+1[0-9]")]
    private static partial Regex Scientific();
}
