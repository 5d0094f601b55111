using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

/// <summary>The quota grid, the rules page and the providers' forms.</summary>
public sealed partial class ProgramPagesTests
{
    [Fact]
    public async Task TheQuotaGridListsTheKelurahanOfTheCityAndSavesTypedQuotas()
    {
        var id = await Arrange.ProgramAsync(app, Arrange.Program(target: 5));
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Quotas?mode=any";

        var grid = await PageAsync(client, url);
        var response = await client.PostAsync($"/Programs/{id}/Quotas?handler=Save", await TunasFactory.FormAsync(client, url, new()
        {
            ["Mode"] = "any",
            ["q|35.72.01.1004|any"] = "3",
            ["q|35.72.01.1003|any"] = "2",
            ["q|35.72.01.1001|any"] = "",
        }));

        Assert.Equal(21, Regex.Count(grid, "<tr data-row=\"35\\.72\\."));
        Assert.Contains("Kauman", grid, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"method\"", grid, StringComparison.Ordinal);
        Assert.Contains("metode Hamilton", grid, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await PageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("Kuota sudah disimpan: 5 kursi.", saved, StringComparison.Ordinal);
        Assert.Contains("name=\"q|35.72.01.1004|any\" value=\"3\"", saved, StringComparison.Ordinal);
        Assert.Contains("Jumlah 5 dari target 5.", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongCellInTheGridStoresNothing()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Jajanan");
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        await api.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new[] { new { villageCode = "35.72.01.1004", trackId, size = 4 } });
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Quotas";
        var cell = $"q|35.72.01.1003|{trackId}";

        var response = await client.PostAsync($"{url}?handler=Save", await TunasFactory.FormAsync(client, url, new()
        {
            ["Mode"] = "track",
            [$"q|35.72.01.1004|{trackId}"] = "1",
            [cell] = "lima",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("Kuota belum disimpan; tidak ada yang berubah.", html, StringComparison.Ordinal);
        Assert.Contains("Kuota berupa bilangan bulat 0 sampai 10000; 'lima' bukan.", html, StringComparison.Ordinal);
        Assert.Contains($"is-invalid\" style=\"max-width: 5.5rem\" name=\"{cell}\" value=\"lima\"", html, StringComparison.Ordinal);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/quotas");
        Assert.Equal(4, Assert.Single(stored.EnumerateArray()).GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task TheGridShowsTheProposalWithoutSavingIt()
    {
        var id = await Arrange.ProgramAsync(app, Arrange.Program(target: 4));
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        await api.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { domicileRegencyCode = "35.71" });
        var villages = await Villages.OfAsync(app, "35.71", 2);
        await Arrange.ResidentsAsync(app, villages[0], 3, decile: 1);
        await Arrange.ResidentsAsync(app, villages[1], 1, decile: 4);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Quotas?mode=any";

        var response = await client.PostAsync($"/Programs/{id}/Quotas?handler=Propose", await TunasFactory.FormAsync(client, url, new() { ["Mode"] = "any" }));

        var html = await TextAsync(response);
        Assert.Contains("data-testid=\"proposal\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"q|{villages[0]}|any\" value=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"q|{villages[1]}|any\" value=\"1\"", html, StringComparison.Ordinal);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/quotas")).GetArrayLength());
    }

    [Fact]
    public async Task TheRulesPageSwitchesRulesWithTheirValues()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Menjahit");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Rules";

        var page = await PageAsync(client, url);
        var response = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, new()
        {
            ["Input.AgeOn"] = "true",
            ["Input.MinAge"] = "18",
            ["Input.MaxAge"] = "45",
            ["Input.AgeReferenceDate"] = "2030-10-01",
            ["Input.DesilOn"] = "true",
            ["Input.MaxDesil"] = "4",
            ["Input.DomicileOn"] = "false",
            ["Input.DomicileRegencyCode"] = "35.72",
            ["Input.HouseholdOn"] = "true",
            ["Input.MaxPerHousehold"] = "1",
            ["Input.TrainingOn"] = "false",
            ["Input.ExcludeTrainedWithinYears"] = "3",
            ["Input.WomenOnlyTrackIds"] = trackId.ToString(CultureInfo.InvariantCulture),
            ["Input.YouthWeight"] = "7",
            ["Input.WomenWeight"] = "5",
            ["Input.SpillOver"] = "SameTrack",
            ["Input.WaitlistLength"] = "",
            ["Input.NameDisplay"] = "Initials",
        }));

        Assert.Contains("Hanya pendaftar yang desil kesejahteraannya", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        var rules = await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/rules");
        Assert.Equal(18, rules.GetProperty("minAge").GetInt32());
        Assert.Equal(4, rules.GetProperty("maxDesil").GetInt32());
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("domicileRegencyCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("excludeTrainedWithinYears").ValueKind);
        Assert.Equal(1, rules.GetProperty("maxPerHousehold").GetInt32());
        Assert.Equal([trackId], rules.GetProperty("womenOnlyTrackIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(7, rules.GetProperty("youthWeight").GetInt32());
        Assert.Equal("sameTrack", rules.GetProperty("spillOver").GetString());
        var overview = await PageAsync(client, $"/Programs/{id}");
        Assert.Contains("Usia 18 sampai 45 tahun pada 01/10/2030", overview, StringComparison.Ordinal);
        Assert.Contains("Desil 4 atau lebih rendah", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleSwitchedOnWithoutOrWithAWrongValueIsRefused()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Rules";

        var response = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, new()
        {
            ["Input.AgeOn"] = "true",
            ["Input.MinAge"] = "",
            ["Input.MaxAge"] = "",
            ["Input.DesilOn"] = "true",
            ["Input.MaxDesil"] = "12",
            ["Input.DomicileOn"] = "true",
            ["Input.DomicileRegencyCode"] = "35.72",
            ["Input.YouthWeight"] = "30",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("Isi nilai aturan ini, atau matikan aturannya.", html, StringComparison.Ordinal);
        Assert.Contains("Desil tertinggi berupa bilangan bulat 1 sampai 10; '12' bukan.", html, StringComparison.Ordinal);
        Assert.Contains("Bobot berupa bilangan bulat 0 sampai 20; '30' bukan.", html, StringComparison.Ordinal);
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(JsonValueKind.Null, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/rules")).GetProperty("maxDesil").ValueKind);
    }

    [Fact]
    public async Task AProviderIsAddedAndEditedWithTheForms()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var name = Arrange.Unique("SMK Negeri 3 Blitar");

        var wrong = await client.PostAsync("/Programs/Providers/Create", await TunasFactory.FormAsync(client, "/Programs/Providers/Create", new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "Smk",
            ["Input.Capacity"] = "nol",
            ["Input.ContactPhone"] = "12",
        }));
        var created = await client.PostAsync("/Programs/Providers/Create", await TunasFactory.FormAsync(client, "/Programs/Providers/Create", new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "Smk",
            ["Input.Capacity"] = "36",
            ["Input.ContactPhone"] = "0342 801234",
            ["Input.VillageCode"] = "35.72.03.1001",
            ["Input.ContactName"] = "Pak Budi",
        }));

        Assert.Contains("Kapasitas berupa bilangan bulat 1 sampai 10000; 'nol' bukan.", await TextAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await PageAsync(client, "/Programs/Providers");
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains("+62342801234", list, StringComparison.Ordinal);
        var id = int.Parse(ProviderLink().Matches(list).Single(m => list.Substring(m.Index, 200).Contains(name, StringComparison.Ordinal)).Groups[1].Value, CultureInfo.InvariantCulture);
        var url = $"/Programs/Providers/{id}";
        var edit = await PageAsync(client, url);
        Assert.Contains("value=\"36\"", edit, StringComparison.Ordinal);
        var saved = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "Smk",
            ["Input.Capacity"] = "40",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.Equal(40, (await scope.ServiceProvider.GetRequiredService<TunasDb>().Providers.SingleAsync(p => p.Id == id)).Capacity);
    }
}
