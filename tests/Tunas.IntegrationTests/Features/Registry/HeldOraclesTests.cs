using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>
/// What still told an operator that a NIK lives in another kelurahan after a held create read back alike (issue 10
/// finding 5, decision 0021): the registry list and search, the second household head, a change of NIK, and the
/// release of a held record whose NIK is corrected to one the registry does not have.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class HeldOraclesTests(TunasFactory app)
{
    private const string Sentul = "35.72.01.1003";

    private static object Body(string nik, string name, string? kk = null, string? relation = null) => new
    {
        nik,
        familyCardNumber = kk,
        fullName = name,
        sex = "F",
        birthPlace = "Kediri",
        birthDate = "1991-08-02",
        address = "Jl. Kenanga 4",
        rt = "2",
        rw = "5",
        villageCode = TunasFactory.OperatorVillage,
        phone = "0812-1111-2222",
        householdRelation = relation,
        disability = false,
    };

    private async Task<long> ElsewhereAsync(string nik, string name = "Warga Sentul Asli")
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { nik, fullName = name, sex = "F", birthDate = "1991-08-02", villageCode = Sentul, welfareDecile = 3 });
        return await IdAsync(response);
    }

    private static async Task<long> IdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<T> InDbAsync<T>(Func<TunasDb, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    /// <summary>An answer with what differs by nature taken out: ids, NIKs (full and masked), the trace id.</summary>
    private static async Task<string> SeenAsync(HttpResponseMessage response, long id, params string[] niks)
    {
        var text = await response.Content.ReadAsStringAsync();
        foreach (var nik in niks)
        {
            text = text.Replace(nik, "#nik", StringComparison.Ordinal).Replace(Nik.Mask(nik), "#masked-nik", StringComparison.Ordinal);
        }
        text = Regex.Replace(text, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"#\"");
        text = Regex.Replace(text, $"(?<![0-9]){id}(?![0-9])", "#id");
        return $"{(int)response.StatusCode} {text}";
    }

    private static async Task<JsonElement> SearchAsync(HttpClient api, object body) =>
        await (await api.PostAsJsonAsync("/api/v1/persons/search", body)).Content.ReadFromJsonAsync<JsonElement>();

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    [Fact]
    public async Task AnOperatorFindsTheirHeldRecordInTheListAndSearchAsANewOne()
    {
        await ElsewhereAsync("3572014208910101");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var held = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910101", "Warga Carilist Kembar")));
        var fresh = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910102", "Warga Carilist Kembar")));

        var byHeldNik = await SearchAsync(api, new { nik = "3572014208910101" });
        var byFreshNik = await SearchAsync(api, new { nik = "3572014208910102" });
        Assert.Equal([held], Ids(byHeldNik));
        Assert.Equal([fresh], Ids(byFreshNik));
        // The masked NIK first, then the id as a whole JSON value: a short id could be a digit of the NIK.
        static string Without(JsonElement page, long id, string nik) => Regex.Replace(
            page.GetRawText().Replace(Nik.Mask(nik), "#", StringComparison.Ordinal), $"\"id\":{id}(?![0-9])", "\"id\":#");
        Assert.Equal(Without(byFreshNik, fresh, "3572014208910102"), Without(byHeldNik, held, "3572014208910101"));

        // By name, counted and paged together, in the order of name then id as any two residents.
        var byName = await SearchAsync(api, new { name = "carilist kembar" });
        Assert.Equal(2, byName.GetProperty("total").GetInt32());
        Assert.Equal([held, fresh], Ids(byName));
        Assert.Equal([held], Ids(await SearchAsync(api, new { name = "carilist", pageSize = 1, page = 1 })));
        Assert.Equal([fresh], Ids(await SearchAsync(api, new { name = "carilist", pageSize = 1, page = 2 })));
        var page = await app.PageClientAsync(Roles.VillageOperator);
        var list = await page.GetStringAsync("/Registry?q=carilist");
        Assert.Contains($"/Registry/Details/{held}\"", list, StringComparison.Ordinal);
        Assert.Contains($"/Registry/Details/{fresh}\"", list, StringComparison.Ordinal);

        // An officer sees the registry as it is: the NIK's person in Sentul, not the held record.
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.DoesNotContain(held, Ids(await SearchAsync(officer, new { nik = "3572014208910101" })));
    }

    [Fact]
    public async Task AHeldCreateIsRefusedForASecondHeadAndCountsAsAHeadAsANewResidentDoes()
    {
        await ElsewhereAsync("3572014208910111");
        await ElsewhereAsync("3572014208910112");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910113", "Kepala Ada", kk: "3572010208910211", relation: "Head")));

        // A second head on a family card that has one: refused alike.
        var heldSecond = await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910111", "Kepala Kedua", kk: "3572010208910211", relation: "Head"));
        var freshSecond = await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910114", "Kepala Kedua", kk: "3572010208910211", relation: "Head"));
        Assert.Equal(HttpStatusCode.BadRequest, freshSecond.StatusCode);
        Assert.Equal(await SeenAsync(freshSecond, 0), await SeenAsync(heldSecond, 0));
        Assert.False(await InDbAsync(db => db.PendingPersons.AnyAsync(p => p.Nik == "3572014208910111")));

        // A held head is the family card's head for the next create, as a new one is.
        await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910112", "Kepala Titip", kk: "3572010208910212", relation: "Head")));
        await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910115", "Kepala Baru", kk: "3572010208910213", relation: "Head")));
        var afterHeld = await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910116", "Kepala Lain", kk: "3572010208910212", relation: "Head"));
        var afterFresh = await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910117", "Kepala Lain", kk: "3572010208910213", relation: "Head"));
        Assert.Equal(HttpStatusCode.BadRequest, afterFresh.StatusCode);
        Assert.Equal(await SeenAsync(afterFresh, 0, "3572014208910115"), await SeenAsync(afterHeld, 0, "3572014208910112"));
    }

    [Fact]
    public async Task AnOperatorsChangeOfANikToOneElsewhereAnswersAsAChangeToAnUnknownOne()
    {
        var elsewhere = await ElsewhereAsync("3572014208910121");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var toElsewhere = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910122", "Warga Ganti Nik")));
        var toUnknown = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910123", "Warga Ganti Nik")));

        var held = await api.PutAsJsonAsync($"/api/v1/persons/{toElsewhere}", Body("3572014208910121", "Warga Ganti Nik Benar"));
        var fresh = await api.PutAsJsonAsync($"/api/v1/persons/{toUnknown}", Body("3572014208910124", "Warga Ganti Nik Benar"));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(await SeenAsync(fresh, toUnknown, "3572014208910124"), await SeenAsync(held, toElsewhere, "3572014208910121"));
        Assert.Equal(
            await SeenAsync(await api.GetAsync($"/api/v1/persons/{toUnknown}"), toUnknown, "3572014208910124"),
            await SeenAsync(await api.GetAsync($"/api/v1/persons/{toElsewhere}"), toElsewhere, "3572014208910121"));
        Assert.Equal([toElsewhere], Ids(await SearchAsync(api, new { nik = "3572014208910121" })));
        var page = await app.PageClientAsync(Roles.VillageOperator);
        var details = await page.GetStringAsync($"/Registry/Details/{toElsewhere}");
        Assert.Contains("Warga Ganti Nik Benar", details, StringComparison.Ordinal);

        // Nothing changed in the registry: the person elsewhere is theirs, and the change waits for an officer.
        Assert.Equal("3572014208910122", await InDbAsync(db => db.Persons.Where(p => p.Id == toElsewhere).Select(p => p.Nik).SingleAsync()));
        Assert.Equal("Warga Sentul Asli", await InDbAsync(db => db.Persons.Where(p => p.Id == elsewhere).Select(p => p.FullName).SingleAsync()));
        var pending = await InDbAsync(db => db.PendingPersons.AsNoTracking().SingleAsync(p => p.Id == toElsewhere));
        Assert.Equal(elsewhere, pending.ExistingPersonId);
        Assert.Null(pending.ResolvedAt);

        // The page's save of the same change answers as for an unknown NIK too: saved, to the details page.
        var other = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910125", "Warga Ganti Halaman")));
        var form = Residents.Form("3572014208910121", "Warga Ganti Halaman", relation: "");
        form.Remove("Input.WelfareDecile");
        form.Remove("Input.WelfareSource");
        form.Remove("Input.WelfareAsOf");
        form["Input.Sex"] = "P";
        form["Input.BirthDate"] = "1991-08-02";
        var post = await page.PostAsync($"/Registry/Edit/{other}", await TunasFactory.FormAsync(page, $"/Registry/Edit/{other}", form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"/Registry/Details/{other}", post.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AHeldRecordWhoseNikIsCorrectedToAnUnknownOneIsReleasedAsANewResident()
    {
        var elsewhere = await ElsewhereAsync("3572014208910131");
        await ElsewhereAsync("3572014208910132");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var held = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910131", "Warga Salah Ketik", kk: "3572010208910231", relation: "Head")));

        var corrected = await api.PutAsJsonAsync($"/api/v1/persons/{held}", Body("3572014208910133", "Warga Salah Ketik", kk: "3572010208910231", relation: "Head"));

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var person = await InDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == held));
        Assert.Equal("3572014208910133", person.Nik);
        Assert.Equal(TunasFactory.OperatorVillage, person.VillageCode);
        Assert.NotNull(person.HouseholdId);
        Assert.Equal(held, await InDbAsync(db => db.Households.Where(h => h.Id == person.HouseholdId).Select(h => h.HeadPersonId).SingleAsync()));
        Assert.NotNull((await InDbAsync(db => db.PendingPersons.AsNoTracking().SingleAsync(p => p.Id == held))).ResolvedAt);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        Assert.DoesNotContain($"/Registry/Held/{held}\"", await officer.GetStringAsync("/Registry/Held"), StringComparison.Ordinal);
        Assert.Equal("Warga Sentul Asli", await InDbAsync(db => db.Persons.Where(p => p.Id == elsewhere).Select(p => p.FullName).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/persons/{held}")).StatusCode);
        Assert.Equal([held], Ids(await SearchAsync(api, new { nik = "3572014208910133" })));

        // A held change of NIK corrected again to an unknown NIK is the resident's change, as any other.
        var resident = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910134", "Warga Dua Kali")));
        await api.PutAsJsonAsync($"/api/v1/persons/{resident}", Body("3572014208910132", "Warga Dua Kali"));
        var again = await api.PutAsJsonAsync($"/api/v1/persons/{resident}", Body("3572014208910135", "Warga Dua Kali"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("3572014208910135", await InDbAsync(db => db.Persons.Where(p => p.Id == resident).Select(p => p.Nik).SingleAsync()));
        Assert.False(await InDbAsync(db => db.PendingPersons.AnyAsync(p => p.Id == resident && p.ResolvedAt == null)));
    }
}
