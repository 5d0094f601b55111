using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>Who may open the registry pages: roles, the anonymous, operators of another kelurahan.</summary>
public sealed partial class RegistryPagesTests
{
    [Fact]
    public async Task AnOperatorCannotOpenAResidentOfAnotherKelurahan()
    {
        var id = await Residents.CreateAsync(app, "3572034107880716", "Warga Sentul Lain", village: Sentul);
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var details = await client.GetAsync($"/Registry/Details/{id}");
        var edit = await client.GetAsync($"/Registry/Edit/{id}");
        var show = await client.PostAsync($"/Registry/Details/{id}?handler=ShowNik", await TunasFactory.FormAsync(client, "/Registry", []));
        var change = await client.PostAsync($"/Registry/Edit/{id}", await TunasFactory.FormAsync(client, "/Registry", Residents.Form("", "Diubah Operator", village: Sentul)));
        var list = await Residents.PageAsync(client, "/Registry?q=sentul");

        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.DoesNotContain(id, Residents.Rows(list));
    }

    [Fact]
    public async Task AnOperatorRegistersOnlyResidentsOfTheirOwnKelurahan()
    {
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var page = await Residents.PageAsync(client, "/Registry/Create");

        var elsewhere = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572034107880717", "Warga Titipan", village: Sentul)));
        var own = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572034107880718", "Warga Kauman Asli")));

        Assert.Contains("data-testid=\"fixed-village\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.VillageCode\" value=\"{TunasFactory.OperatorVillage}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-region-picker", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Contains("Operator kelurahan hanya boleh mendaftarkan warga kelurahannya sendiri.", await Residents.TextAsync(elsewhere), StringComparison.Ordinal);
        Assert.False(await Residents.ExistsAsync(app, "3572034107880717"));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.True(await Residents.ExistsAsync(app, "3572034107880718"));
    }

    [Fact]
    public async Task AnOfficerPicksTheKelurahanWithThePickerRootedAtTheAgencysCity()
    {
        var html = await Residents.PageAsync((await app.PageClientAsync(Roles.ProgramOfficer)), "/Registry/Create");

        Assert.Contains($"data-root=\"{TunasFactory.AgencyRegency}\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"SeniorSecondary\">SLTA/sederajat</option>", html, StringComparison.Ordinal);
    }
}
