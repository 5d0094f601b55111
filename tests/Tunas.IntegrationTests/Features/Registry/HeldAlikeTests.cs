using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Held;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>
/// An operator's held create (a NIK the registry has in another kelurahan) reads, shows and edits exactly as a new
/// resident does, until an officer resolves it (decision 0021, issue 10 finding 5).
/// </summary>
[Collection(SharedApp.Name)]
public sealed partial class HeldAlikeTests(TunasFactory app)
{
    private const string Sentul = "35.72.01.1003";

    /// <summary>One of the two records compared: its id and what differs by nature (NIK, No. KK).</summary>
    private sealed record Sample(long Id, string Nik, string FamilyCard);

    private static object Body(string nik, string kk, string name = "Siti Kembar Sama", string phone = "0812-1111-2222", string birthDate = "1991-08-02") => new
    {
        nik,
        familyCardNumber = kk,
        fullName = name,
        sex = "F",
        birthPlace = "Kediri",
        birthDate,
        address = "Jl. Kenanga 4",
        rt = "2",
        rw = "5",
        villageCode = TunasFactory.OperatorVillage,
        phone,
        education = "SeniorSecondary",
        occupation = "Pedagang",
        employmentStatus = "SelfEmployed",
        maritalStatus = "Married",
        householdRelation = "Head",
        disability = false,
    };

    private async Task<long> OfficerCreatesAsync(string nik, string name, string birthDate = "1991-08-02", string? kk = null)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { nik, familyCardNumber = kk, fullName = name, sex = "F", birthDate, villageCode = Sentul, welfareDecile = 3, address = "Jl. Lama 1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
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

    /// <summary>
    /// What an operator sees of an answer with what differs by nature taken out: the record's id, NIK and No. KK (full
    /// and masked), the household's id (its kind kept), the anti-forgery token, the trace id and the times.
    /// </summary>
    private static async Task<string> SeenAsync(HttpResponseMessage response, Sample s)
    {
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0)
        {
            var json = JsonDocument.Parse(text).RootElement;
            text = json.ValueKind != JsonValueKind.Object ? text : string.Join(",", json.EnumerateObject().Select(p => p.Name switch
            {
                "householdId" => $"{p.Name}:{p.Value.ValueKind}",
                "traceId" => "traceId:#trace",
                "id" when p.Value.ValueKind == JsonValueKind.Number && p.Value.GetInt64() == s.Id => "id:#id",
                _ => $"{p.Name}:{p.Value.GetRawText()}",
            }));
        }
        foreach (var (value, mark) in new[] { (s.Nik, "#nik"), (Nik.Mask(s.Nik), "#masked-nik"), (s.FamilyCard, "#kk"), (Nik.Mask(s.FamilyCard), "#masked-kk") })
        {
            text = text.Replace(value, mark, StringComparison.Ordinal);
        }
        text = AntiforgeryValue().Replace(text, "#token");
        text = Time().Replace(text, "#time");
        // The id where pages and answers put one: in a path, in a query, after a '#'.
        var id = $"(?<=/|#|=){s.Id}(?![0-9A-Za-z])";
        text = Regex.Replace(text, id, "#id");
        var location = response.Headers.Location?.OriginalString is { } l ? Regex.Replace(l, id, "#id") : "";
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {location}\n{text}";
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value|name=\"csrf-token\" content)=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2} WIB")]
    private static partial Regex Time();

    /// <summary>The same request on both records, and both answers as the operator sees them.</summary>
    private static async Task AliveAsync(Sample fresh, Sample held, Func<Sample, Task<HttpResponseMessage>> call)
    {
        var expected = await SeenAsync(await call(fresh), fresh);
        var actual = await SeenAsync(await call(held), held);
        Assert.Equal(expected, actual);
    }

    /// <summary>The edit page's form as an operator sends it: the NIK and No. KK left empty (kept), a few fields changed.</summary>
    private static Dictionary<string, string> EditForm()
    {
        var form = Residents.Form("", "Siti Kembar Sama", kk: "", relation: "Head");
        form["Input.Sex"] = "P";
        form["Input.BirthDate"] = "1991-08-02";
        form["Input.Occupation"] = "Penjahit Baju";
        return form;
    }

    [Fact]
    public async Task AnOperatorsHeldRecordAnswersEveryReadAndEditExactlyAsANewResidents()
    {
        await OfficerCreatesAsync("3572014208910001", "Warga Sentul Kembar", kk: "3572010208910001");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var page = await app.PageClientAsync(Roles.VillageOperator);
        var heldCreate = await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910001", "3572010208910011"));
        var freshCreate = await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910002", "3572010208910012"));
        var held = new Sample(await IdAsync(heldCreate), "3572014208910001", "3572010208910011");
        var fresh = new Sample(await IdAsync(freshCreate), "3572014208910002", "3572010208910012");
        Assert.Equal(await SeenAsync(freshCreate, fresh), await SeenAsync(heldCreate, held));

        // Read back: the API, the details page (with the full NIK asked for), the edit page (with the No. KK asked for).
        await AliveAsync(fresh, held, s => api.GetAsync($"/api/v1/persons/{s.Id}"));
        await AliveAsync(fresh, held, s => page.GetAsync($"/Registry/Details/{s.Id}"));
        await AliveAsync(fresh, held, async s => await page.PostAsync($"/Registry/Details/{s.Id}?handler=ShowNik",
            await TunasFactory.FormAsync(page, $"/Registry/Details/{s.Id}", [])));
        await AliveAsync(fresh, held, s => page.GetAsync($"/Registry/Edit/{s.Id}"));
        await AliveAsync(fresh, held, async s => await page.PostAsync($"/Registry/Edit/{s.Id}?handler=ShowFamilyCard",
            await TunasFactory.FormAsync(page, $"/Registry/Edit/{s.Id}", [])));

        // Edited: through the API (a refused change too) and the page, then read again with the history of the changes.
        await AliveAsync(fresh, held, s => api.PutAsJsonAsync($"/api/v1/persons/{s.Id}", Body(s.Nik, s.FamilyCard, phone: "0812-3333-4444")));
        await AliveAsync(fresh, held, s => api.PutAsJsonAsync($"/api/v1/persons/{s.Id}", Body(s.Nik, s.FamilyCard, phone: "0812-3333-4444")));
        await AliveAsync(fresh, held, s => api.PutAsJsonAsync($"/api/v1/persons/{s.Id}", new { nik = s.Nik, fullName = "", welfareDecile = 1 }));
        await AliveAsync(fresh, held, s => api.PutAsJsonAsync($"/api/v1/persons/{s.Id}", Body(s.Nik, "")));
        // The page's save, followed at once (the message it leaves is read by the next page).
        var saved = new List<string>();
        foreach (var s in new[] { fresh, held })
        {
            var post = await page.PostAsync($"/Registry/Edit/{s.Id}", await TunasFactory.FormAsync(page, $"/Registry/Edit/{s.Id}", EditForm()));
            saved.Add(await SeenAsync(post, s) + await SeenAsync(await page.GetAsync(post.Headers.Location), s));
        }
        Assert.Equal(saved[0], saved[1]);
        Assert.Contains("Penjahit Baju", saved[1], StringComparison.Ordinal);
        await AliveAsync(fresh, held, s => page.GetAsync($"/Registry/Details/{s.Id}"));
        await AliveAsync(fresh, held, s => api.GetAsync($"/api/v1/persons/{s.Id}"));
        await AliveAsync(fresh, held, s => page.GetAsync($"/Registry/Edit/{s.Id}"));
    }

    [Fact]
    public async Task AnEditOfAHeldRecordIsAuditedAndKeptUntilAnOfficerMergesIt()
    {
        var existing = await OfficerCreatesAsync("3572014208910003", "Warga Sentul Edit");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var pending = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910003", "3572010208910013", name: "Warga Titip Edit")));

        var put = await api.PutAsJsonAsync($"/api/v1/persons/{pending}", Body("3572014208910003", "3572010208910013", name: "Warga Titip Benar", phone: "0812-5555-6666"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await (await api.GetAsync($"/api/v1/persons/{pending}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Warga Titip Benar", read.GetProperty("fullName").GetString());
        Assert.Equal("+6281255556666", read.GetProperty("phone").GetString());
        Assert.Equal("Warga Sentul Edit", await InDbAsync(db => db.Persons.Where(p => p.Id == existing).Select(p => p.FullName).SingleAsync()));
        Assert.Equal("Warga Titip Benar", (await InDbAsync(db => db.PendingPersons.AsNoTracking().SingleAsync(p => p.Id == pending))).FullName);
        var key = pending.ToString(CultureInfo.InvariantCulture);
        var changed = await InDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == HeldPersons.ChangedAction && a.EntityId == key));
        Assert.Contains("Warga Titip Benar", changed.Details, StringComparison.Ordinal);
        Assert.Contains("Warga Titip Edit", changed.Details, StringComparison.Ordinal);

        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "merged", note = "KTP dilihat" })).StatusCode);

        // Merged: the registry's person carries the edited record, and the held id leads the operator to them.
        var person = await InDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == existing));
        Assert.Equal("Warga Titip Benar", person.FullName);
        Assert.Equal("+6281255556666", person.Phone);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/persons/{pending}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/persons/{pending}", Body("3572014208910003", "3572010208910013"))).StatusCode);
        var page = await app.PageClientAsync(Roles.VillageOperator);
        Assert.Equal($"/Registry/Details/{existing}", (await page.GetAsync($"/Registry/Details/{pending}")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Registry/Edit/{pending}")).StatusCode);
    }

    [Fact]
    public async Task ARejectedHeldRecordIsGoneForTheOperator()
    {
        await OfficerCreatesAsync("3572014208910004", "Warga Sentul Tolak");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var pending = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910004", "3572010208910014", name: "Warga Titip Tolak")));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        await officer.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "rejected", note = "Bukan orangnya" });

        var page = await app.PageClientAsync(Roles.VillageOperator);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/persons/{pending}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Registry/Details/{pending}")).StatusCode);
    }

    [Fact]
    public async Task RolesWithoutTheRegistryNeitherReadNorEditAHeldRecord()
    {
        await OfficerCreatesAsync("3572014208910005", "Warga Sentul Lain");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var pending = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014208910005", "3572010208910015", name: "Warga Titip Lain")));
        var leader = await app.ApiClientAsync(Roles.Leadership);
        var participant = await app.ApiClientAsync(Roles.Participant);

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/v1/persons/{pending}", Body("3572014208910005", "3572010208910015", name: "Diubah"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/api/v1/persons/{pending}")).StatusCode);
        Assert.Equal("Warga Titip Lain", (await InDbAsync(db => db.PendingPersons.AsNoTracking().SingleAsync(p => p.Id == pending))).FullName);
    }

    [Fact]
    public async Task MergingAwayTheRegistryPersonOfAHeldRecordKeepsItWaitingOnTheKeptPerson()
    {
        var kept = await OfficerCreatesAsync("3572014308910006", "Warga Ganda Tahan", birthDate: "1991-08-03");
        var removed = await OfficerCreatesAsync("3572014308910007", "Warga Ganda Tahan", birthDate: "1991-08-03");
        var api = await app.ApiClientAsync(Roles.VillageOperator);
        var pending = await IdAsync(await api.PostAsJsonAsync("/api/v1/persons", Body("3572014308910007", "3572010308910017", name: "Warga Ganda Tahan", birthDate: "1991-08-03")));
        var pair = await InDbAsync(db => db.SuspectedDuplicates.Where(d => d.PersonAId == Math.Min(kept, removed) && d.PersonBId == Math.Max(kept, removed)).Select(d => d.Id).SingleAsync());
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var merge = await officer.PostAsJsonAsync($"/api/v1/duplicates/{pair}/merge", new { keepPersonId = kept });

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.False(await InDbAsync(db => db.Persons.AnyAsync(p => p.Id == removed)));
        var held = await InDbAsync(db => db.PendingPersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pending));
        Assert.NotNull(held);
        Assert.Equal(kept, held.ExistingPersonId);
        Assert.Null(held.ResolvedAt);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/persons/{pending}")).StatusCode);
        var resolve = await officer.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "moved", note = "Surat pindah dilihat" });
        Assert.Equal(HttpStatusCode.NoContent, resolve.StatusCode);
        Assert.Equal(TunasFactory.OperatorVillage, await InDbAsync(db => db.Persons.Where(p => p.Id == kept).Select(p => p.VillageCode).SingleAsync()));
        var key = kept.ToString(CultureInfo.InvariantCulture);
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.held-resolved" && a.EntityId == key)));
    }
}
