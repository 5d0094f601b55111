using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Catalogue;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Businesses.Catalogue.CatalogueSteps;

namespace Tunas.IntegrationTests.Features.Businesses.Catalogue;

public sealed class ProductsTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    [Fact]
    public async Task AProductShowsInThePublicCatalogueOnlyOnceApprovedAndAtOnce()
    {
        var (id, _) = await OwnedBusinessAsync(app);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var product = await AddProductAsync(officer, id, "Klepon Pandan Satu");

        Assert.DoesNotContain(product, await PublicAsync(app, "Klepon Pandan Satu"));
        await CurateAsync(app, id, product, "approved");
        Assert.Contains(product, await PublicAsync(app, "Klepon Pandan Satu"));
        await CurateAsync(app, id, product, "needsWork", "Kemasan perlu label harga.");
        Assert.DoesNotContain(product, await PublicAsync(app, "Klepon Pandan Satu"));
    }

    [Fact]
    public async Task ANeedsWorkVerdictNeedsANoteAndTheNoteGoesBackToTheOwner()
    {
        var (id, owner) = await OwnedBusinessAsync(app);
        var product = await AddProductAsync(owner, id, "Rempeyek Kacang Dua");
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var refused = await officer.PutAsJsonAsync($"/api/v1/businesses/{id}/products/{product}/curation", new { status = "needsWork" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Tulis catatan untuk pemilik tentang apa yang perlu diperbaiki.", await BusinessesApiTests.Error(refused, "note"));

        await CurateAsync(app, id, product, "needsWork", "Foto terlalu gelap.");
        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/v1/me/products");
        var read = mine.EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == product);
        Assert.Equal("needsWork", read.GetProperty("status").GetString());
        Assert.Equal("Foto terlalu gelap.", read.GetProperty("curationNote").GetString());
        Assert.Contains(await app.DbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "product.curated");
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    public async Task OnlyOfficersCurate(string role)
    {
        var id = await app.BusinessAsync(Infrastructure.TunasFactory.OperatorVillage);
        var product = await AddProductAsync(await app.ApiClientAsync(Roles.ProgramOfficer), id, "Keripik Tempe " + role);
        var client = await app.ApiClientAsync(role);

        var response = await client.PutAsJsonAsync($"/api/v1/businesses/{id}/products/{product}/curation", new { status = "approved" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CurationStatus.Pending, await app.DbAsync(db => db.Set<Product>().Where(p => p.Id == product).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnOwnerCannotAddAProductToAnotherOwnersBusiness()
    {
        var (mine, owner) = await OwnedBusinessAsync(app);
        var (theirs, _) = await OwnedBusinessAsync(app);

        var refused = await owner.PostAsJsonAsync($"/api/v1/businesses/{theirs}/products", Product("Bolu Kukus Curian"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.Set<Product>().CountAsync(p => p.BusinessId == theirs)));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/businesses/{theirs}/products")).StatusCode);

        await AddProductAsync(owner, mine, "Bolu Kukus Sendiri");
        Assert.Equal(1, await app.DbAsync(db => db.Set<Product>().CountAsync(p => p.BusinessId == mine)));
    }

    [Theory]
    [InlineData(null, 1000, "kotak", "name", "Isi nama produk.")]
    [InlineData("Dodol", 1500.5, "kotak", "priceMin", "Harga berupa rupiah bulat, dari 1 sampai 1.000.000.000.")]
    [InlineData("Dodol", 30000, "kotak", "priceMax", "Harga terendah tidak boleh di atas harga tertinggi.")]
    [InlineData("Dodol", 1000, "", "unit", "Isi satuan harga (mis. kotak, buah, kg).")]
    public async Task BadInputIsRefusedInIndonesianAndStoresNothing(string? name, double min, string unit, string field, string message)
    {
        var id = await app.BusinessAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/products", new { name, priceMin = (decimal)min, priceMax = 20000m, unit });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await BusinessesApiTests.Error(response, field));
        Assert.Equal(0, await app.DbAsync(db => db.Set<Product>().CountAsync(p => p.BusinessId == id)));
    }

    [Fact]
    public async Task APhotoIsStoredInAListSizeAndAThumbnailAndServedPubliclyOnlyWhileListed()
    {
        var (id, owner) = await OwnedBusinessAsync(app);
        var product = await AddProductAsync(owner, id, "Tas Rajut Tiga");
        using var form = PermitsTests.Upload(PhotosTests.PhonePhoto(2000, 1500), "tas.jpg");
        var added = await owner.PostAsync($"/api/v1/businesses/{id}/products/{product}/photos", form);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var photo = await app.DbAsync(db => db.Set<ProductPhoto>().SingleAsync(p => p.ProductId == product));
        Assert.Equal(ProductBook.ListSide, Math.Max(photo.Width, photo.Height));
        Assert.Equal(ProductBook.ThumbSide, Math.Max(photo.ThumbWidth, photo.ThumbHeight));

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(PublicCatalogue.PhotoUrl(photo.Id))).StatusCode);
        await CurateAsync(app, id, product, "approved");
        var served = await anonymous.GetAsync(PublicCatalogue.PhotoUrl(photo.Id));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using var decoded = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(ProductBook.ListSide, Math.Max(decoded.Width, decoded.Height));

        using var text = PermitsTests.Upload("bukan foto"u8.ToArray(), "foto.jpg");
        var refused = await owner.PostAsync($"/api/v1/businesses/{id}/products/{product}/photos", text);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.Set<ProductPhoto>().CountAsync(p => p.ProductId == product)));
    }

    [Fact]
    public async Task AnUnconsentedOrInactiveBusinessIsNeverPublicAndUnlistingHidesAtOnce()
    {
        var (id, _) = await OwnedBusinessAsync(app);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var product = await AddProductAsync(officer, id, "Sambal Roa Empat");
        await CurateAsync(app, id, product, "approved");
        Assert.Contains(product, await PublicAsync(app, "Sambal Roa Empat"));

        var person = await app.DbAsync(db => db.Set<BusinessOwner>().Where(o => o.BusinessId == id).Select(o => o.PersonId).SingleAsync());
        var unlisted = await officer.PutAsJsonAsync($"/api/v1/businesses/{id}", BusinessApp.Body([person]) with { CatalogueConsent = false });
        Assert.Equal(HttpStatusCode.OK, unlisted.StatusCode);
        Assert.DoesNotContain(product, await PublicAsync(app, "Sambal Roa Empat"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(PublicCatalogue.OrderUrl(product))).StatusCode);

        await SetAsync(app, id, b => (b.CatalogueConsent, b.Status) = (true, BusinessStatus.Paused));
        Assert.DoesNotContain(product, await PublicAsync(app, "Sambal Roa Empat"));
        await SetAsync(app, id, b => b.Status = BusinessStatus.Active);
        Assert.Contains(product, await PublicAsync(app, "Sambal Roa Empat"));
    }

    [Fact]
    public async Task TheOrderButtonCountsTheClickAndOpensWhatsAppWithTheProductNamed()
    {
        var (id, _) = await OwnedBusinessAsync(app);
        var product = await AddProductAsync(await app.ApiClientAsync(Roles.ProgramOfficer), id, "Nastar Keju Lima");
        await CurateAsync(app, id, product, "approved");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(PublicCatalogue.OrderUrl(product));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("https://wa.me/6281234567890?text=", location, StringComparison.Ordinal);
        Assert.Contains("Nastar Keju Lima", Uri.UnescapeDataString(location), StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.Set<OrderClick>().CountAsync(c => c.BusinessId == id && c.ProductId == product)));
    }

    [Fact]
    public async Task TheCatalogueFiltersByCategoryAndKelurahanAndShowsNoOwnerName()
    {
        var (id, _) = await OwnedBusinessAsync(app);
        var product = await AddProductAsync(await app.ApiClientAsync(Roles.ProgramOfficer), id, "Lapis Legit Enam");
        await CurateAsync(app, id, product, "approved");
        var anonymous = app.CreateClient();

        var hit = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/catalog?q=Lapis%20Legit%20Enam&category=makanan&villageCode={Selection.ProgramScenario.Village1}");
        var miss = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/catalog?q=Lapis%20Legit%20Enam&category=pakaian");
        var page = await anonymous.GetStringAsync("/Katalog?q=Lapis+Legit+Enam");

        Assert.Equal(1, hit.GetProperty("total").GetInt32());
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("items")[0].GetProperty("villageName").GetString()));
        Assert.Equal(0, miss.GetProperty("total").GetInt32());
        Assert.Contains("Lapis Legit Enam", page, StringComparison.Ordinal);
        var owners = await app.DbAsync(db => (from o in db.Set<BusinessOwner>() where o.BusinessId == id join p in db.Persons on o.PersonId equals p.Id select new { p.FullName, p.Nik }).ToListAsync());
        Assert.All(owners, o => Assert.DoesNotContain(o.FullName, page, StringComparison.Ordinal));
        Assert.All(owners, o => Assert.DoesNotContain(o.Nik, page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCataloguePageIsLightBeforeImages()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        var page = await client.GetAsync("/Katalog");
        var html = await page.Content.ReadAsByteArrayAsync();
        var plain = await app.CreateClient().GetStringAsync("/Katalog");
        var css = await client.GetAsync("/css/catalogue.css");
        var cssPlain = await app.CreateClient().GetByteArrayAsync("/css/catalogue.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("bootstrap", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", plain, StringComparison.Ordinal);
        var transferred = html.Length + (await css.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(transferred < 100 * 1024, $"{transferred} bytes transferred");
        var uncompressed = System.Text.Encoding.UTF8.GetByteCount(plain) + cssPlain.Length;
        Assert.True(uncompressed < 250 * 1024, $"{uncompressed} bytes uncompressed");
    }
}
