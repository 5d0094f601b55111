using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses;

public sealed class BusinessesApiTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    [Fact]
    public async Task AnOfficerAddsABusinessOfTwoParticipantsAndReadsItBackWithTheNumberNormalisedAndTheChangeAudited()
    {
        var a = await app.ParticipantAsync();
        var b = await app.ParticipantAsync(placed: true);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PostAsJsonAsync("/api/v1/businesses", BusinessApp.Body([a.PersonId, b.PersonId]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
        Assert.Equal("makanan", read.GetProperty("category").GetString());
        Assert.Equal("+6281234567890", read.GetProperty("whatsApp").GetString());
        Assert.Equal("active", read.GetProperty("status").GetString());
        Assert.Equal(2, read.GetProperty("owners").GetArrayLength());
        Assert.Equal(4, read.GetProperty("permits").GetArrayLength());
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "business.created" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task TheCategoriesAreSeededWithTheUsualSixAndAnOfficerAddsRenamesAndRetiresOne()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var names = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/business-categories")).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Subset(BusinessCategories.Defaults.ToHashSet(), names.Select(n => n!).ToHashSet());

        var added = await officer.PostAsJsonAsync("/api/v1/business-categories", new { name = "Pertanian kota" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var taken = await officer.PostAsJsonAsync("/api/v1/business-categories", new { name = "MAKANAN" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PutAsJsonAsync($"/api/v1/business-categories/{id}", new { name = "Tanaman kota", retired = true })).StatusCode);

        var owner = await app.ParticipantAsync();
        var refused = await officer.PostAsJsonAsync("/api/v1/businesses", BusinessApp.Body([owner.PersonId]) with { Category = "Tanaman kota" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("'Tanaman kota' bukan salah satu kategori produk instansi.", await Error(refused, "category"));
    }

    [Theory]
    [InlineData("owner", "ownerPersonIds", "bukan peserta yang ditempatkan di angkatan instansi.")]
    [InlineData("village", "villageCode", "di luar kabupaten/kota instansi.")]
    [InlineData("closed", "closedReason", "Usaha yang tutup perlu alasan tutupnya.")]
    [InlineData("category", "category", "bukan salah satu kategori produk instansi.")]
    [InlineData("whatsApp", "whatsApp", "bukan nomor telepon.")]
    [InlineData("status", "status", "Status adalah salah satu dari planned, active, paused, atau closed.")]
    public async Task BadInputIsRefusedInIndonesianAndNothingIsStored(string fault, string field, string message)
    {
        var placed = await app.ParticipantAsync();
        var stranger = await app.ParticipantAsync(placed: false);
        var body = BusinessApp.Body([placed.PersonId]);
        body = fault switch
        {
            "owner" => body with { OwnerPersonIds = [placed.PersonId, stranger.PersonId] },
            "village" => body with { VillageCode = "35.05.01.2001" },
            "closed" => body with { Status = "closed" },
            "category" => body with { Category = "otomotif" },
            "whatsApp" => body with { WhatsApp = "telepon saya" },
            _ => body with { Status = "bangkrut" },
        };
        var before = await app.DbAsync(db => db.Set<Business>().CountAsync());
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PostAsJsonAsync("/api/v1/businesses", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await Error(response, field), StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => db.Set<Business>().CountAsync()));
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Leadership)]
    public async Task OnlyOfficersAddOrChangeABusiness(string role)
    {
        var owner = await app.ParticipantAsync(TunasFactory.OperatorVillage);
        var id = await app.BusinessAsync(TunasFactory.OperatorVillage, owners: owner.PersonId);
        var client = await app.ApiClientAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/businesses", BusinessApp.Body([owner.PersonId]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/businesses/{id}", BusinessApp.Body([owner.PersonId]) with { Name = "Diubah" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/businesses/{id}/permits/nib", new { status = "inProgress" })).StatusCode);
        Assert.Equal("Kue Basah Bu Sri", await app.DbAsync(db => db.Set<Business>().Where(b => b.Id == id).Select(b => b.Name).SingleAsync()));
    }

    [Fact]
    public async Task AKelurahanOperatorReadsOnlyTheirOwnKelurahansBusinesses()
    {
        var own = await app.BusinessAsync(TunasFactory.OperatorVillage);
        var other = await app.BusinessAsync(ProgramScenario.Village2);
        var op = await app.ApiClientAsync(Roles.VillageOperator);

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/businesses/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/v1/businesses/{other}")).StatusCode);
        var list = await op.GetFromJsonAsync<JsonElement>("/api/v1/businesses");
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(TunasFactory.OperatorVillage, i.GetProperty("villageCode").GetString()));
    }

    [Fact]
    public async Task AFacilitatorReadsOnlyTheBusinessesAssignedToThem()
    {
        var facilitator = await app.UserIdAsync(Roles.Facilitator);
        var assigned = await app.BusinessAsync(facilitatorId: facilitator);
        var other = await app.BusinessAsync();
        var client = await app.ApiClientAsync(Roles.Facilitator);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/businesses/{assigned}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/businesses/{other}")).StatusCode);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var wrong = await officer.PostAsJsonAsync("/api/v1/businesses", BusinessApp.Body([(await app.ParticipantAsync()).PersonId]) with { FacilitatorId = await app.UserIdAsync(Roles.VillageOperator) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task AnOfficerOfAnotherAgencyGetsNotFoundAndChangesNothing()
    {
        var id = await app.BusinessAsync();
        var other = await app.OtherAgencyClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/businesses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/businesses/{id}/permits/nib", new { status = "inProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/businesses/{id}/workers", new { fullName = "Orang Lain", hoursPerWeek = 10, payBand = "unpaid", startedOn = "2026-02-01" })).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/businesses")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal(0, await app.DbAsync(db => db.Set<BusinessPermit>().CountAsync(p => p.BusinessId == id)));
    }

    [Fact]
    public async Task TheListFiltersByNameStatusAndKelurahan()
    {
        var id = await app.BusinessAsync(ProgramScenario.Village2);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q=basah&status=active&villageCode={ProgramScenario.Village2}");
        var none = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q=basah&status=closed&villageCode={ProgramScenario.Village2}");

        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    internal static async Task<string> Error(HttpResponseMessage response, string field) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;
}
