using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>Names as people paste them (direction overrides, control characters, Excel's apostrophe) and NIKs of a region that cannot be.</summary>
[Collection(SharedApp.Name)]
public sealed class PersonCleaningTests(TunasFactory app)
{
    private const string RegionZeroMessage = "memuat 00; tidak ada kabupaten/kota atau kecamatan dengan kode itu";

    [Fact]
    public async Task APersonSentWithDirectionAndControlCharactersIsStoredClean()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsJsonAsync("/api/v1/persons", new
        {
            nik = "3572031203779101",
            fullName = "\u202ESiti\u0007 Ma\u2019rifah\u200B",
            address = "Jl. Mawar\u2066 7\u0000",
            villageCode = TunasFactory.OperatorVillage,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await StoredAsync("3572031203779101");
        Assert.Equal(("Siti Ma'rifah", "Jl. Mawar 7"), (stored.FullName, stored.Address));
    }

    [Fact]
    public async Task APersonTypedIntoTheFormWithADirectionOverrideIsStoredClean()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572031203779102", "Budi\u202E Santoso\u200F")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Budi Santoso", (await StoredAsync("3572031203779102")).FullName);
    }

    [Fact]
    public async Task AnUpdateWithExcelsApostropheStoresThePlainOne()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var created = await client.PostAsJsonAsync("/api/v1/persons", new { nik = "3572035203779103", fullName = "Nur'aini", villageCode = TunasFactory.OperatorVillage });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var updated = await client.PutAsJsonAsync($"/api/v1/persons/{id}", new { nik = "3572035203779103", fullName = "NUR\u2019AINI", villageCode = TunasFactory.OperatorVillage });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stored = await StoredAsync("3572035203779103");
        Assert.Equal("NUR'AINI", stored.FullName);
        Assert.Equal("nuraini", stored.NameKey);
    }

    [Theory]
    [InlineData("3572001203779104")]
    [InlineData("3500031203779105")]
    public async Task ANikWithARegencyOrDistrictOfZeroZeroIsRefusedByTheApi(string nik)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsJsonAsync("/api/v1/persons", new { nik, fullName = "Siti Nol", villageCode = TunasFactory.OperatorVillage });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").GetProperty("nik").EnumerateArray(), m => m.GetString()!.Contains(RegionZeroMessage, StringComparison.Ordinal));
        Assert.False(await Residents.ExistsAsync(app, nik));
    }

    [Fact]
    public async Task ANikWithADistrictOfZeroZeroIsRefusedByTheForm()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572001203779106", "Siti Nol")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kode wilayah 35.72.00 pada NIK ini " + RegionZeroMessage, await Residents.TextAsync(response), StringComparison.Ordinal);
        Assert.False(await Residents.ExistsAsync(app, "3572001203779106"));
    }

    private async Task<Tunas.Web.Features.Registry.Person> StoredAsync(string nik)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.AsNoTracking().SingleAsync(p => p.Nik == nik);
    }
}
