using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Catalogue;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Businesses.Catalogue.CatalogueSteps;

namespace Tunas.IntegrationTests.Features.Businesses.Catalogue;

public sealed class BulkOrdersTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    [Fact]
    public async Task AnOrderGoesToEachEligibleBusinessInTurnAndTheNextOrderStartsWithTheOneOfferedLongestAgo()
    {
        var category = await CategoryAsync("Katering Giliran");
        var (a, ownerA) = await EligibleAsync(category);
        var (b, ownerB) = await EligibleAsync(category);
        var (c, _) = await EligibleAsync(category);
        var (unconsented, _) = await EligibleAsync(category);
        await SetAsync(app, unconsented, x => x.CatalogueConsent = false);
        var (noProduct, _) = await OwnedBusinessAsync(app);
        await SetAsync(app, noProduct, x => x.CategoryId = category.Id);

        var first = await OrderAsync(category.Name, 2_500_000);
        Assert.Equal(a, (await ReadAsync(first)).GetProperty("current").GetProperty("businessId").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await ownerA.PostAsJsonAsync($"/api/v1/me/bulk-offers/{await OfferToAsync(ownerA)}/answer", new { accept = false })).StatusCode);
        Assert.Equal(b, (await ReadAsync(first)).GetProperty("current").GetProperty("businessId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await ownerB.PostAsJsonAsync($"/api/v1/me/bulk-offers/{await OfferToAsync(ownerB)}/answer", new { accept = true })).StatusCode);
        var taken = await ReadAsync(first);
        Assert.Equal("taken", taken.GetProperty("status").GetString());
        Assert.Equal(b, taken.GetProperty("takenByBusinessId").GetInt64());

        // c was never offered one; then a (offered before b).
        var second = await OrderAsync(category.Name, 1_000_000);
        Assert.Equal(c, (await ReadAsync(second)).GetProperty("current").GetProperty("businessId").GetInt64());
        var offers = (await ReadAsync(second)).GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("businessId").GetInt64()).ToList();
        Assert.DoesNotContain(unconsented, offers);
        Assert.DoesNotContain(noProduct, offers);
    }

    [Fact]
    public async Task AnOfferUnansweredPastItsTimeMovesOnAndCanNoLongerBeAccepted()
    {
        var category = await CategoryAsync("Katering Waktu");
        var (a, ownerA) = await EligibleAsync(category);
        var (b, _) = await EligibleAsync(category);
        var order = await OrderAsync(category.Name, 750_000);
        var offer = await OfferToAsync(ownerA);

        await app.DbAsync(async db => await db.Set<BulkOrderOffer>().Where(o => o.Id == offer).ExecuteUpdateAsync(s => s.SetProperty(o => o.AnswerBy, DateTime.UtcNow.AddMinutes(-1))));

        var late = await ownerA.PostAsJsonAsync($"/api/v1/me/bulk-offers/{offer}/answer", new { accept = true });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal("Tawaran ini sudah dijawab atau sudah kedaluwarsa.", await BusinessesApiTests.Error(late, "offer"));
        var read = await ReadAsync(order);
        Assert.Equal(b, read.GetProperty("current").GetProperty("businessId").GetInt64());
        Assert.Equal("lapsed", read.GetProperty("offers")[0].GetProperty("answer").GetString());
        Assert.NotEqual(a, read.GetProperty("current").GetProperty("businessId").GetInt64());
    }

    /// <summary>Reads settle lapses; four at once must lapse the offer once and offer the order to one next business.</summary>
    [Fact]
    public async Task ReadersSettlingAtOnceLapseAnOfferOnceAndOfferTheOrderOnce()
    {
        var category = await CategoryAsync("Katering Serentak");
        var (a, ownerA) = await EligibleAsync(category);
        await EligibleAsync(category);
        await EligibleAsync(category);
        var order = await OrderAsync(category.Name, 500_000);
        var offer = await OfferToAsync(ownerA);
        await app.DbAsync(async db => await db.Set<BulkOrderOffer>().Where(o => o.Id == offer).ExecuteUpdateAsync(s => s.SetProperty(o => o.AnswerBy, DateTime.UtcNow.AddMinutes(-1))));
        var agency = await app.DbAsync(db => db.Set<BulkOrder>().Where(o => o.Id == order).Select(o => o.AgencyId).SingleAsync());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<BulkOrderDesk>().SettleAsync(agency);
        })));

        var offers = await app.DbAsync(db => db.Set<BulkOrderOffer>().Where(o => o.BulkOrderId == order).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(2, offers.Count);
        Assert.Equal((a, OfferAnswer.Lapsed), (offers[0].BusinessId, offers[0].Answer));
        Assert.Equal(OfferAnswer.Pending, offers[1].Answer);
        Assert.NotEqual(a, offers[1].BusinessId);
        var key = order.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalogue.offer-lapsed" && e.EntityId == key)));
        Assert.Equal(2, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalogue.offered" && e.EntityId == key)));
    }

    [Fact]
    public async Task StaffAnswerForTheOwnerAfterACallAuditedAndTheCitySeesTheSpending()
    {
        var category = await CategoryAsync("Katering Telepon");
        var (a, _) = await EligibleAsync(category);
        var order = await OrderAsync(category.Name, 3_000_000);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var offer = (await ReadAsync(order)).GetProperty("current").GetProperty("id").GetInt64();

        var answered = await officer.PostAsJsonAsync($"/api/v1/bulk-orders/{order}/offers/{offer}/answer", new { accept = true });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(await app.DbAsync(db => db.Set<BulkOrderOffer>().Where(o => o.Id == offer).Select(o => o.OnBehalf).SingleAsync()));
        Assert.Contains("catalogue.offer-accepted", await app.DbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()));
        var spending = await officer.GetFromJsonAsync<JsonElement>("/api/v1/catalogue/spending");
        Assert.True(spending.EnumerateArray().Sum(m => m.GetProperty("amount").GetInt64()) >= 3_000_000);
        Assert.Equal(a, (await ReadAsync(order)).GetProperty("takenByBusinessId").GetInt64());
    }

    [Fact]
    public async Task AnOwnerCannotAnswerAnotherBusinessesOfferAndOperatorsCannotEnterOrders()
    {
        var category = await CategoryAsync("Katering Asing");
        await EligibleAsync(category);
        var (_, stranger) = await OwnedBusinessAsync(app);
        var order = await OrderAsync(category.Name, 500_000);
        var offer = (await ReadAsync(order)).GetProperty("current").GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/me/bulk-offers/{offer}/answer", new { accept = true })).StatusCode);
        Assert.Equal("offering", (await ReadAsync(order)).GetProperty("status").GetString());
        var op = await app.ApiClientAsync(Roles.VillageOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync("/api/v1/bulk-orders", Body(category.Name, 1))).StatusCode);
        var refused = await (await app.ApiClientAsync(Roles.ProgramOfficer)).PostAsJsonAsync("/api/v1/bulk-orders", Body(category.Name, 1) with { quantity = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Jumlah barang berupa bilangan bulat dari 1 sampai 1.000.000.", await BusinessesApiTests.Error(refused, "quantity"));
    }

    private sealed record OrderBody(string office, string category, int quantity, string neededOn, string description, decimal budget);

    private static OrderBody Body(string category, long budget) =>
        new("Bagian Umum Setda", category, 100, DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Kudapan rapat 100 orang.", budget);

    private async Task<long> OrderAsync(string category, long budget)
    {
        var response = await (await app.ApiClientAsync(Roles.ProgramOfficer)).PostAsJsonAsync("/api/v1/bulk-orders", Body(category, budget));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<JsonElement> ReadAsync(long order) =>
        await (await app.ApiClientAsync(Roles.ProgramOfficer)).GetFromJsonAsync<JsonElement>($"/api/v1/bulk-orders/{order}");

    private static async Task<long> OfferToAsync(HttpClient owner) =>
        (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me/bulk-offers")).EnumerateArray().Single().GetProperty("offer").GetProperty("id").GetInt64();

    private async Task<BusinessCategory> CategoryAsync(string name)
    {
        var response = await (await app.ApiClientAsync(Roles.ProgramOfficer)).PostAsJsonAsync("/api/v1/business-categories", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return await app.DbAsync(db => db.Set<BusinessCategory>().SingleAsync(c => c.Id == id));
    }

    /// <summary>An active, consenting business of the category with an approved product, and its owner's client.</summary>
    private async Task<(long Id, HttpClient Owner)> EligibleAsync(BusinessCategory category)
    {
        var (id, owner) = await OwnedBusinessAsync(app);
        await SetAsync(app, id, b => b.CategoryId = category.Id);
        var product = await AddProductAsync(owner, id, "Nasi Kotak " + id);
        await CurateAsync(app, id, product, "approved");
        return (id, owner);
    }
}
