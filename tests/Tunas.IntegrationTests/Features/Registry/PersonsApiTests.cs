using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

[Collection(SharedApp.Name)]
public sealed class PersonsApiTests(TunasFactory app)
{
    private static object Person(string nik, string name = "Siti Aminah", string village = TunasFactory.OperatorVillage, string? kk = null, string? relation = null, int? decile = 2) => new
    {
        nik,
        familyCardNumber = kk,
        fullName = name,
        birthPlace = "Blitar",
        address = "Jl. Kenanga 5",
        rt = "2",
        rw = "4",
        villageCode = village,
        phone = "0812-3456-7890",
        education = "SMA",
        occupation = "Penjahit",
        employmentStatus = "Tidak bekerja",
        maritalStatus = "Kawin",
        householdRelation = relation,
        disability = false,
        welfareDecile = decile,
        welfareSource = "DTKS",
        welfareAsOf = "2025-06-30",
    };

    [Fact]
    public async Task AnOfficerRegistersAPersonAndReadsItBack()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var created = await client.PostAsJsonAsync("/api/v1/persons", Person("3572014107900011", kk: "3572010101200011", relation: "Istri"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}");
        Assert.Equal("3572014107900011", read.GetProperty("nik").GetString());
        Assert.Equal("F", read.GetProperty("sex").GetString());
        Assert.Equal("1990-07-01", read.GetProperty("birthDate").GetString());
        Assert.Equal("+6281234567890", read.GetProperty("phone").GetString());
        Assert.Equal("002", read.GetProperty("rt").GetString());
        Assert.Equal("seniorSecondary", read.GetProperty("education").GetString());
        Assert.Equal("spouse", read.GetProperty("householdRelation").GetString());
        Assert.Equal(2, read.GetProperty("welfareDecile").GetInt32());
        Assert.True(read.GetProperty("householdId").GetInt64() > 0);
    }

    [Fact]
    public async Task TheSameNikTwiceIsAConflictWithTheExistingId()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var first = await client.PostAsJsonAsync("/api/v1/persons", Person("3572015203850012", "Sri Wahyuni"));
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var second = await client.PostAsJsonAsync("/api/v1/persons", Person("3572015203850012", "Sri Wahyuni Lagi"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ABirthDateThatDisagreesWithTheNikIsAFieldError()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsJsonAsync("/api/v1/persons", new { nik = "3572014107900013", fullName = "Dewi", birthDate = "02/07/1990", villageCode = TunasFactory.OperatorVillage });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("tidak sama dengan NIK", errors.GetProperty("birthDate")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeIsAuditedFieldByField()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var created = await client.PostAsJsonAsync("/api/v1/persons", Person("3572014107900014", "Rina Marlina", decile: 3));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var updated = await client.PutAsJsonAsync($"/api/v1/persons/{id}", Person("3572014107900014", "Rina Marlina", decile: 1));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var change = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "person.changed");
        using var details = JsonDocument.Parse(change.Details!);
        Assert.Equal(["welfareDecile"], details.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("3", details.RootElement.GetProperty("welfareDecile")[0].GetString());
        Assert.Equal("1", details.RootElement.GetProperty("welfareDecile")[1].GetString());
        Assert.Equal(TunasFactory.EmailOf(Roles.ProgramOfficer), change.ActorName);
    }

    [Fact]
    public async Task SearchFindsByAnyWordOfTheNameAndMasksForOperators()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        await officer.PostAsJsonAsync("/api/v1/persons", Person("3572014107900015", "Kartini Puspitasari"));

        var op = await app.ApiClientAsync(Roles.VillageOperator);
        var page = await (await op.PostAsJsonAsync("/api/v1/persons/search", new { name = "puspita" })).Content.ReadFromJsonAsync<JsonElement>();

        var item = Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("fullName").GetString() == "Kartini Puspitasari");
        Assert.Equal("3572••••••••0015", item.GetProperty("nik").GetString());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task AnOperatorSeesOnlyTheirOwnKelurahan()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var elsewhere = await officer.PostAsJsonAsync("/api/v1/persons", Person("3572014107900016", "Warga Sentul", village: "35.72.01.1003"));
        var id = (await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var op = await app.ApiClientAsync(Roles.VillageOperator);
        var read = await op.GetAsync($"/api/v1/persons/{id}");
        var put = await op.PutAsJsonAsync($"/api/v1/persons/{id}", Person("3572014107900016", "Warga Sentul", village: "35.72.01.1003"));
        var create = await op.PostAsJsonAsync("/api/v1/persons", Person("3572014107900017", "Warga Lain", village: "35.72.01.1003"));
        var search = await (await op.PostAsJsonAsync("/api/v1/persons/search", new { name = "sentul" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    public async Task RolesWithoutARegistrySeeNothing(string role)
    {
        var client = await app.ApiClientAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "siti" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/persons/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/persons", Person("3572014107900018"))).StatusCode);
    }

    [Fact]
    public async Task MembersOfOneFamilyCardShareAHouseholdWithOneHead()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        const string kk = "3572010101200021";

        var head = await client.PostAsJsonAsync("/api/v1/persons", Person("3572010101800021", "Bambang Sutrisno", kk: kk, relation: "Kepala Keluarga"));
        var wife = await client.PostAsJsonAsync("/api/v1/persons", Person("3572014101820022", "Endang Sutrisno", kk: kk, relation: "Istri"));
        var secondHead = await client.PostAsJsonAsync("/api/v1/persons", Person("3572010101850023", "Joko Sutrisno", kk: kk, relation: "Kepala Keluarga"));

        Assert.Equal(HttpStatusCode.Created, head.StatusCode);
        Assert.Equal(HttpStatusCode.Created, wife.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, secondHead.StatusCode);
        var message = (await secondHead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("householdRelation")[0].GetString();
        Assert.Equal("KK ini sudah punya kepala keluarga (3572••••••••0021).", message);
        var headId = (await head.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var wifeId = (await wife.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var headRead = await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{headId}");
        var wifeRead = await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{wifeId}");
        Assert.Equal(headRead.GetProperty("householdId").GetInt64(), wifeRead.GetProperty("householdId").GetInt64());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(headId, (await db.Households.AsNoTracking().SingleAsync(h => h.FamilyCardNumber == kk)).HeadPersonId);
        Assert.False(await db.Persons.AnyAsync(p => p.Nik == "3572010101850023"));
    }

    [Fact]
    public async Task ARenamedPersonIsFoundByTheNewNameOnly()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var created = await client.PostAsJsonAsync("/api/v1/persons", Person("3572014107900031", "Nurhayati Lestari"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await client.PutAsJsonAsync($"/api/v1/persons/{id}", Person("3572014107900031", "Nurhayati Wulandari"));

        var byNew = await (await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "wulandari" })).Content.ReadFromJsonAsync<JsonElement>();
        var byOld = await (await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "nurhayati lestari" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(byNew.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain(byOld.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task AnExactNikSearchTravelsInTheBodyAndOfficersSeeItInFullWhichIsRecorded()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await client.PostAsJsonAsync("/api/v1/persons", Person("3572024107950041", "Yuliana Rahma", village: "35.72.02.1001"));

        var page = await (await client.PostAsJsonAsync("/api/v1/persons/search", new { nik = "3572024107950041" })).Content.ReadFromJsonAsync<JsonElement>();

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("3572024107950041", item.GetProperty("nik").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var id = item.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == "person.nik-listed").Select(a => a.Details).ToListAsync(), d => d!.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadingAFullNikIsRecordedWithWhoReadIt()
    {
        var client = await app.ApiClientAsync(Roles.VillageOperator);
        // Entered by an officer: an operator may not give the desil (issue 12); the operator reads it.
        var created = await (await app.ApiClientAsync(Roles.ProgramOfficer)).PostAsJsonAsync("/api/v1/persons", Person("3572014107900051", "Warga Kauman"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await client.GetAsync($"/api/v1/persons/{id}");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var viewed = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "person.nik-viewed" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TunasFactory.EmailOf(Roles.VillageOperator), viewed.ActorName);
    }

    [Fact]
    public async Task ChangingANikToOneThatExistsIsAConflict()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var a = await client.PostAsJsonAsync("/api/v1/persons", Person("3572014107900061", "Ani"));
        var b = await client.PostAsJsonAsync("/api/v1/persons", Person("3572014107900062", "Ani Dua"));
        var aId = (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var bId = (await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var response = await client.PutAsJsonAsync($"/api/v1/persons/{bId}", Person("3572014107900061", "Ani Dua"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(aId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task TheSameNameAndBirthDateUnderTwoNiksIsFlaggedForReview()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var a = await client.PostAsJsonAsync("/api/v1/persons", Person("3572015505880071", "Tri Handayani"));
        var b = await client.PostAsJsonAsync("/api/v1/persons", Person("3572035505880072", "TRI  HANDAYANI", village: "35.72.03.1001"));
        var aId = (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var bId = (await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var pair = await db.SuspectedDuplicates.AsNoTracking().SingleAsync(d => d.PersonAId == aId && d.PersonBId == bId);
        Assert.Equal(Tunas.Web.Features.Registry.Duplicates.DuplicateReason.SameNameAndBirthDate, pair.Reason);
    }

    [Fact]
    public async Task BadInputIsRefusedFieldByFieldAndNothingIsStored()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsJsonAsync("/api/v1/persons", new
        {
            nik = "3.57201E+15",
            fullName = "",
            villageCode = "35.73.01.1001",
            phone = "telepon",
            rt = "1234",
            welfareDecile = 11,
            education = "Sekolah Sihir",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "nik", "fullName", "villageCode", "phone", "rt", "welfareDecile", "education" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " has no error");
        }
        Assert.Contains("rusak karena Excel", errors.GetProperty("nik")[0].GetString(), StringComparison.Ordinal);
    }
}
