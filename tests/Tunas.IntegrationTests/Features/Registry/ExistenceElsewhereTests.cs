using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>A kelurahan operator learns nothing of a NIK the registry has in another kelurahan (decision 0016).</summary>
[Collection(SharedApp.Name)]
public sealed class ExistenceElsewhereTests(TunasFactory app)
{
    private static object Person(string nik, string name, string village = TunasFactory.OperatorVillage) => new
    {
        nik,
        fullName = name,
        sex = "F",
        birthDate = "1990-07-01",
        villageCode = village,
        welfareDecile = 2,
    };

    [Fact]
    public async Task AnOperatorsCreateOfANikFromAnotherKelurahanIsHeldWithoutIdOrKelurahan()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var elsewhere = await officer.PostAsJsonAsync("/api/v1/persons", Person("3572014107900081", "Warga Sentul Asli", village: "35.72.01.1003"));
        var id = (await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var op = await app.ApiClientAsync(Roles.VillageOperator);

        var create = await op.PostAsJsonAsync("/api/v1/persons", Person("3572014107900081", "Warga Titipan"));
        var text = await create.Content.ReadAsStringAsync();
        var search = await (await op.PostAsJsonAsync("/api/v1/persons/search", new { nik = "3572014107900081" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, create.StatusCode);
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentul", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sudah ada", text, StringComparison.Ordinal);
        Assert.Contains("menunggu pemeriksaan petugas Dinas", text, StringComparison.Ordinal);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(1, await db.Persons.CountAsync(p => p.Nik == "3572014107900081"));
        Assert.Equal("Warga Sentul Asli", await db.Persons.Where(p => p.Id == id).Select(p => p.FullName).FirstAsync());
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "person.create-held" && a.EntityId == key));
    }

    [Fact]
    public async Task TheCreatePageHoldsItTooWithTheNeutralMessage()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        await officer.PostAsJsonAsync("/api/v1/persons", Person("3572014107900082", "Warga Sentul Kedua", village: "35.72.01.1003"));
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572014107900082", "Warga Titipan Kedua")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Registry/Create", response.Headers.Location?.OriginalString);
    }
}
