using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>
/// Finding 4 of issue 10 (decision 0017): a list never shows a masked NIK beside the birth date that rebuilds it,
/// unless the view is recorded.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class NikListsTests(TunasFactory app)
{
    [Fact]
    public async Task AnOperatorsSearchGivesTheAgeNotTheBirthDateBesideAMaskedNik()
    {
        await Residents.CreateAsync(app, "3572014107900951", "Wulandari Rekonstruksi");
        var client = await app.ApiClientAsync(Roles.VillageOperator);

        var page = await (await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "Wulandari Rekonstruksi" })).Content.ReadFromJsonAsync<JsonElement>();

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("3572••••••••0951", item.GetProperty("nik").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("birthDate").ValueKind);
        Assert.InRange(item.GetProperty("age").GetInt32(), 30, 40);
        Assert.DoesNotContain("1990-07-01", page.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficersSearchWithFullNiksKeepsTheBirthDateAndIsRecorded()
    {
        await Residents.CreateAsync(app, "3572014107900952", "Wulandari Tercatat");
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var page = await (await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "Wulandari Tercatat" })).Content.ReadFromJsonAsync<JsonElement>();

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("3572014107900952", item.GetProperty("nik").GetString());
        Assert.Equal("1990-07-01", item.GetProperty("birthDate").GetString());
        Assert.Contains(await ListedAsync("person.nik-listed"), d => d.Contains(Id(item), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.ProgramOfficer)]
    [InlineData(Roles.VillageOperator)]
    public async Task TheRegistryListShowsNoBirthDateBesideTheMaskedNiks(string role)
    {
        var serial = role == Roles.ProgramOfficer ? "0953" : "0956";
        var id = await Residents.CreateAsync(app, "357201410790" + serial, "Wulandari Daftar " + role);
        var client = await app.PageClientAsync(role);

        var html = await Residents.PageAsync(client, "/Registry?q=" + Uri.EscapeDataString("Wulandari Daftar " + role));

        var row = Regex.Match(html, $"<tr data-person=\"{id}\"(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("3572••••••••" + serial, row, StringComparison.Ordinal);
        Assert.DoesNotContain("01/07/1990", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDuplicatesListKeepsTheBirthDateAndRecordsWhoSawWhichResidents()
    {
        var a = await Residents.CreateAsync(app, "3572015208850954", "Lestari Kembar Catat");
        var b = await Residents.CreateAsync(app, "3572015208850955", "Lestari Kembar Catat", village: "35.72.01.1003");
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        var pages = await app.PageClientAsync(Roles.Administrator);

        var answer = await api.GetStringAsync("/api/v1/duplicates?pageSize=100");
        await Residents.PageAsync(pages, "/Registry/Duplicates");

        Assert.Contains("1985-08-12", answer, StringComparison.Ordinal);
        var listed = await EntriesAsync("person.listed");
        Assert.Contains(listed, e => e.ActorName == TunasFactory.EmailOf(Roles.ProgramOfficer)
            && e.Details!.Contains("\"duplicates\"", StringComparison.Ordinal)
            && e.Details.Contains(a.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && e.Details.Contains(b.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(listed, e => e.ActorName == TunasFactory.EmailOf(Roles.Administrator)
            && e.Details!.Contains("\"duplicates\"", StringComparison.Ordinal));
    }

    private static string Id(JsonElement item) => item.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

    private async Task<List<string>> ListedAsync(string action) => [.. (await EntriesAsync(action)).Select(e => e.Details!)];

    private async Task<List<AuditEntry>> EntriesAsync(string action)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action).ToListAsync();
    }
}
