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
/// A kelurahan operator learns nothing of a NIK the registry has in another kelurahan (decisions 0016, 0021): the
/// create is answered exactly as a new resident's, and the typed record waits for an officer.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ExistenceElsewhereTests(TunasFactory app)
{
    private static object Person(string nik, string name, string village = TunasFactory.OperatorVillage, int? decile = null) => new
    {
        nik,
        fullName = name,
        sex = "F",
        birthDate = "1990-07-01",
        villageCode = village,
        welfareDecile = decile,
    };

    /// <summary>The answer with its ids taken out: status, headers (values, the id in Location aside) and the body's shape and texts.</summary>
    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var body = string.Join(",", json.EnumerateObject().Select(p => p.Name == "id" ? $"id:{p.Value.ValueKind}" : $"{p.Name}:{p.Value.GetRawText()}"));
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length"))
            .Select(h => h.Key == "Location" ? $"Location:{System.Text.RegularExpressions.Regex.Replace(string.Join(";", h.Value), "[0-9]+$", "#")}" : $"{h.Key}:{string.Join(";", h.Value)}")
            .Order(StringComparer.Ordinal);
        return $"{(int)response.StatusCode} {string.Join("|", headers)} {body}";
    }

    [Fact]
    public async Task AnOperatorsCreateOfANikFromAnotherKelurahanIsAnsweredExactlyAsANewResidents()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var elsewhere = await officer.PostAsJsonAsync("/api/v1/persons", Person("3572014107900081", "Warga Sentul Asli", village: "35.72.01.1003", decile: 2));
        var id = (await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var op = await app.ApiClientAsync(Roles.VillageOperator);

        var held = await op.PostAsJsonAsync("/api/v1/persons", Person("3572014107900081", "Warga Titipan"));
        var fresh = await op.PostAsJsonAsync("/api/v1/persons", Person("3572014107900091", "Warga Baru Sekali"));
        var text = await held.Content.ReadAsStringAsync();
        var pendingId = JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
        var search = await (await op.PostAsJsonAsync("/api/v1/persons/search", new { nik = "3572014107900081" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal(await ShapeAsync(fresh), await ShapeAsync(held));
        Assert.Equal($"/api/v1/persons/{pendingId}", held.Headers.Location?.OriginalString);
        // An id of the same series as a new resident's: after the existing one, before the next new one.
        var freshId = JsonDocument.Parse(await fresh.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.True(id < pendingId && pendingId < freshId, $"{id} < {pendingId} < {freshId}");
        Assert.DoesNotContain(id.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        // Read back, the held record answers as a new one does, with the operator's own typed data (HeldAlikeTests compares all of it).
        var readHeld = await op.GetAsync(held.Headers.Location);
        var readFresh = await op.GetAsync(fresh.Headers.Location);
        Assert.Equal(readFresh.StatusCode, readHeld.StatusCode);
        var heldRead = await readHeld.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Warga Titipan", heldRead.GetProperty("fullName").GetString());
        Assert.Equal(TunasFactory.OperatorVillage, heldRead.GetProperty("villageCode").GetString());
        Assert.True(heldRead.GetProperty("verified").GetBoolean());
        Assert.Equal(
            string.Join(",", (await readFresh.Content.ReadFromJsonAsync<JsonElement>()).EnumerateObject().Select(p => p.Name)),
            string.Join(",", heldRead.EnumerateObject().Select(p => p.Name)));
        Assert.DoesNotContain("Sentul", text, StringComparison.Ordinal);
        // The operator's search finds the record they entered, as it finds a new resident: its own id, never the registry's person.
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal(pendingId, search.GetProperty("items")[0].GetProperty("id").GetInt64());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(1, await db.Persons.CountAsync(p => p.Nik == "3572014107900081"));
        Assert.Equal("Warga Sentul Asli", await db.Persons.Where(p => p.Id == id).Select(p => p.FullName).FirstAsync());
        var pending = await db.PendingPersons.SingleAsync(p => p.Id == pendingId);
        Assert.Equal(id, pending.ExistingPersonId);
        Assert.Equal(TunasFactory.OperatorVillage, pending.VillageCode);
        var key = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "person.create-held" && a.EntityId == key));
    }

    [Fact]
    public async Task TheCreatePageAnswersAsForANewResidentAndTheOperatorSeesNoListOrCountOfHeldRecords()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        await officer.PostAsJsonAsync("/api/v1/persons", Person("3572014107900082", "Warga Sentul Kedua", village: "35.72.01.1003"));
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var held = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572014107900082", "Warga Titipan Kedua")));
        var fresh = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572014107900092", "Warga Baru Kedua")));

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Matches("^/Registry/Details/[0-9]+$", held.Headers.Location?.OriginalString);
        Assert.Matches("^/Registry/Details/[0-9]+$", fresh.Headers.Location?.OriginalString);
        var details = await client.GetAsync(held.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains("Warga Titipan Kedua", await details.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // No list of held entries and no count of them for the operator: either would part the two cases.
        var list = await client.GetAsync("/Registry/Held");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal("/Account/AccessDenied", list.Headers.Location?.AbsolutePath);
        var desk = await client.GetStringAsync("/Beranda");
        Assert.DoesNotContain("data-todo=\"held-persons\"", desk, StringComparison.Ordinal);
        Assert.DoesNotContain("data-todo=\"held-applications\"", desk, StringComparison.Ordinal);
        Assert.DoesNotContain("Warga Titipan Kedua", desk, StringComparison.Ordinal);
    }
}
