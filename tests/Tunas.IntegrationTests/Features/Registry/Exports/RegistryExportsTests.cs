using System.Net;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry.Exports;

[Collection(SelectionAppGroup.Name)]
public sealed class RegistryExportsTests(SelectionApp app)
{
    [Fact]
    public async Task AnOfficerExportsTheWholeRegistryWithTextNiksAndDateCells()
    {
        var s = await ExportScenario.CreateAsync(app);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.GetAsync("/api/v1/persons.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.Sheets(await response.Content.ReadAsByteArrayAsync())[0].Rows;
        var nik = ExportFiles.Column(rows, "NIK");
        var niks = rows.Skip(1).Select(r => Assert.IsType<string>(r[nik])).ToHashSet();
        Assert.Contains(s.Nik(app, "own"), niks);
        Assert.Contains(s.Nik(app, "other"), niks);
        Assert.All(niks, n => Assert.Matches("^[0-9]{16}$", n));
        var own = Assert.Single(rows, r => r[nik] as string == s.Nik(app, "own"));
        Assert.Equal(s.Applicants["own"].BirthDate.ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(own[ExportFiles.Column(rows, "Tanggal lahir")]));
        Assert.Equal(1d, own[ExportFiles.Column(rows, "Desil")]);
    }

    [Fact]
    public async Task AnOperatorExportsOnlyTheirOwnKelurahanWhateverTheyAskFor()
    {
        var s = await ExportScenario.CreateAsync(app);
        var client = await app.ApiClientAsync(Roles.VillageOperator);
        var response = await client.GetAsync($"/api/v1/persons.xlsx?village={ProgramScenario.Village1}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.Sheets(await response.Content.ReadAsByteArrayAsync())[0].Rows;
        var village = ExportFiles.Column(rows, "Kelurahan/desa");
        Assert.NotEmpty(rows.Skip(1));
        Assert.All(rows.Skip(1), r => Assert.Equal("Kauman", r[village]));
        Assert.DoesNotContain(rows, r => r[ExportFiles.Column(rows, "NIK")] as string == s.Nik(app, "other"));
    }

    [Theory]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Facilitator)]
    public async Task LeadershipAndOtherRolesCannotExportPersonalData(string role)
    {
        var client = await app.ApiClientAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/persons.xlsx")).StatusCode);
    }
}
