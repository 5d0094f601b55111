using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>
/// The name search reads the token index alone (it carries each person's name key) when nothing else narrows the
/// search, and the persons table otherwise: both give the same persons, counted once, in name order, page by page.
/// Every test uses invented names of its own, so that the rest of the shared registry does not show up.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class PersonSearchTests(TunasFactory app)
{
    private const string OtherVillage = "35.72.01.1006";

    // Women born 12 March 1977 in kecamatan 35.72.01, serials of this class only.
    private static string NikOf(int serial) => "3572015203770" + serial.ToString("000", CultureInfo.InvariantCulture);

    private static object Person(string nik, string name, string village = TunasFactory.OperatorVillage) => new
    {
        nik,
        fullName = name,
        birthPlace = "Blitar",
        address = "Jl. Mawar 3",
        rt = "1",
        rw = "2",
        villageCode = village,
        welfareDecile = 3,
    };

    private static async Task<long> CreateAsync(HttpClient client, int serial, string name, string village = TunasFactory.OperatorVillage)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", Person(NikOf(serial), name, village));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<(List<(long Id, string Name)> Items, int Total)> SearchAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons/search", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = page.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetInt64(), i.GetProperty("fullName").GetString()!)).ToList();
        return (items, page.GetProperty("total").GetInt32());
    }

    /// <summary>No token row may carry another name key than its person's: the search sorts by the token's copy.</summary>
    private async Task AssertTokensInStepAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var stale = await db.PersonNameTokens.AsNoTracking()
            .Join(db.Persons, t => t.PersonId, p => p.Id, (t, p) => new { t.NameKey, Key = p.NameKey, p.FullName })
            .Where(x => x.NameKey != x.Key).Select(x => x.FullName).Take(5).ToListAsync();
        Assert.Empty(stale);
    }

    [Fact]
    public async Task AWordThatStartsTwoOfANamesWordsCountsThePersonOnceAndPagesNeitherRepeatNorSkip()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await CreateAsync(client, 1 + i, "Yuzarsif " + (char)('A' + i) + "ini"));
        }
        // "yuzar" starts both of her words: she has two rows in the token index.
        var twice = await CreateAsync(client, 20, "Yuzarsif Yuzarni");

        var seen = new List<(long Id, string Name)>();
        var totals = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            var (items, total) = await SearchAsync(client, new { name = "yuzar", page, pageSize = 5 });
            seen.AddRange(items);
            totals.Add(total);
        }

        Assert.All(totals, t => Assert.Equal(13, t));
        Assert.Equal(13, seen.Count);
        Assert.Equal(13, seen.Select(s => s.Id).Distinct().Count());
        Assert.Single(seen, s => s.Id == twice);
        Assert.Equal(seen.Select(s => s.Name).Order(StringComparer.Ordinal), seen.Select(s => s.Name));
        Assert.Equal("Yuzarsif Yuzarni", seen[^1].Name);
        var (beyond, beyondTotal) = await SearchAsync(client, new { name = "yuzar", page = 40, pageSize = 5 });
        Assert.Empty(beyond);
        Assert.Equal(13, beyondTotal);
    }

    [Fact]
    public async Task EveryWordMustStartOneOfTheNamesWordsInAnyOrder()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var both = await CreateAsync(client, 30, "Wulanzari Kembangsari");
        await CreateAsync(client, 31, "Wulanzari Melatiwangi");
        await CreateAsync(client, 32, "Kembangsari Purnamawati");

        var (items, total) = await SearchAsync(client, new { name = "kembangs wulanz" });
        var (again, _) = await SearchAsync(client, new { name = "WULANZARI   kembang" });
        var (none, noneTotal) = await SearchAsync(client, new { name = "wulanzari purnama" });

        Assert.Equal(1, total);
        Assert.Equal(both, Assert.Single(items).Id);
        Assert.Equal(both, Assert.Single(again).Id);
        Assert.Empty(none);
        Assert.Equal(0, noneTotal);
    }

    [Fact]
    public async Task ARenamedPersonMovesToTheNewNamesPlaceInTheOrder()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await CreateAsync(client, 40, "Xandrawati Bunga");
        var renamed = await CreateAsync(client, 41, "Xandrawati Zahra");
        await CreateAsync(client, 42, "Xandrawati Cempaka");

        var put = await client.PutAsJsonAsync($"/api/v1/persons/{renamed}", Person(NikOf(41), "Xandrawati Anggrek"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var (items, total) = await SearchAsync(client, new { name = "xandrawati" });
        Assert.Equal(3, total);
        Assert.Equal(["Xandrawati Anggrek", "Xandrawati Bunga", "Xandrawati Cempaka"], items.Select(i => i.Name));
        Assert.Equal(renamed, items[0].Id);
        await AssertTokensInStepAsync();
    }

    [Fact]
    public async Task ANameWithAKelurahanOrADecileGivesTheSameOrderAsTheNameAlone()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await CreateAsync(client, 50, "Vionaputri Delima");
        await CreateAsync(client, 51, "Vionaputri Anyelir", OtherVillage);
        await CreateAsync(client, 52, "Vionaputri Cendana");
        await CreateAsync(client, 53, "Vionaputri Bakung", OtherVillage);

        var (all, allTotal) = await SearchAsync(client, new { name = "vionap" });
        var (here, hereTotal) = await SearchAsync(client, new { name = "vionap", villageCode = OtherVillage });
        var (decile, decileTotal) = await SearchAsync(client, new { name = "vionap", welfareDecile = 3 });

        Assert.Equal(4, allTotal);
        Assert.Equal(["Vionaputri Anyelir", "Vionaputri Bakung", "Vionaputri Cendana", "Vionaputri Delima"], all.Select(i => i.Name));
        Assert.Equal(2, hereTotal);
        Assert.Equal(["Vionaputri Anyelir", "Vionaputri Bakung"], here.Select(i => i.Name));
        Assert.Equal(4, decileTotal);
        Assert.Equal(all.Select(i => i.Id), decile.Select(i => i.Id));
    }

    [Fact]
    public async Task AnOperatorSearchingByNameSeesOnlyTheirOwnKelurahan()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var mine = await CreateAsync(officer, 60, "Ulfiyanti Rahma");
        await CreateAsync(officer, 61, "Ulfiyanti Sekar", OtherVillage);
        var op = await app.ApiClientAsync(Roles.VillageOperator);

        var (items, total) = await SearchAsync(op, new { name = "ulfiyanti" });

        Assert.Equal(1, total);
        Assert.Equal(mine, Assert.Single(items).Id);
    }
}
