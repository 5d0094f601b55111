using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Catalogue;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Businesses.Catalogue.CatalogueSteps;

namespace Tunas.IntegrationTests.Features.Businesses.Catalogue;

/// <summary>The owner's own catalogue pages on her phone: <c>/me/produk</c> and <c>/me/pesanan</c> (issue 14).</summary>
public sealed partial class OwnerPagesTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    private static Dictionary<string, string> ProductForm(long businessId, string? name, string min = "15000", string max = "20000") => new()
    {
        ["businessId"] = businessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Product.Name"] = name ?? "",
        ["Product.Unit"] = "kotak",
        ["Product.PriceMin"] = min,
        ["Product.PriceMax"] = max,
        ["Product.Description"] = "Dibuat pagi hari.",
    };

    /// <summary>A form post as her browser sends it; the token from her products page, which always has a form (the consent).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        await FollowAsync(client, await client.PostAsync($"{page}?handler={handler}", await TunasFactory.FormAsync(client, "/me/produk", fields)));

    /// <summary>Where a browser goes after a post: the redirect followed with her token still on.</summary>
    private static async Task<HttpResponseMessage> FollowAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(response.Headers.Location) : response;

    [Fact]
    public async Task TheOwnerAddsAProductOnHerPhoneAndSeesItAwaitingCurationThenTheOfficersNote()
    {
        var (id, owner) = await OwnedBusinessAsync(app, followRedirects: false);

        var saved = await PostAsync(owner, "/me/produk", "Save", ProductForm(id, "Onde-onde Wijen Satu"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var product = await app.DbAsync(db => db.Set<Product>().SingleAsync(p => p.BusinessId == id));
        Assert.Equal(("Onde-onde Wijen Satu", CurationStatus.Pending), (product.Name, product.Status));
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains($"data-product=\"{product.Id}\" data-status=\"pending\"", html, StringComparison.Ordinal);
        Assert.Contains("Produk disimpan.", html, StringComparison.Ordinal);
        Assert.Contains("capture=\"environment\"", html, StringComparison.Ordinal);

        await CurateAsync(app, id, product.Id, "needsWork", "Fotonya terlalu gelap.");
        var page = await owner.GetStringAsync("/me/produk");
        Assert.Contains($"data-product=\"{product.Id}\" data-status=\"needsWork\"", page, StringComparison.Ordinal);
        Assert.Contains("Fotonya terlalu gelap.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/produk\"", await owner.GetStringAsync("/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOwnerNeitherSeesNorChangesHerProductsConsentOrOffers()
    {
        var category = await CategoryAsync("Jajan Pasar Milik");
        var (a, ownerA) = await OwnedBusinessAsync(app, followRedirects: false);
        await SetAsync(app, a, b => b.CategoryId = category);
        var product = await AddProductAsync(ownerA, a, "Kue Lumpur Rahasia");
        await CurateAsync(app, a, product, "approved");
        var offer = await OfferAsync(category);
        var (b, ownerB) = await OwnedBusinessAsync(app, followRedirects: false);

        Assert.DoesNotContain("Kue Lumpur Rahasia", await ownerB.GetStringAsync("/me/produk"), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-offer=\"{offer}\"", await ownerB.GetStringAsync("/me/pesanan"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ownerB, "/me/produk", "Save", ProductForm(a, "Kue Curian"))).StatusCode);
        var edit = ProductForm(b, "Kue Lumpur Diubah");
        edit["productId"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ownerB, "/me/produk", "Save", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ownerB, "/me/produk", "Consent", new() { ["businessId"] = Text(a), ["consent"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ownerB, "/me/pesanan", "Answer", new() { ["offerId"] = Text(offer), ["accept"] = "true" })).StatusCode);
        using (var photo = await PhotoFormAsync(ownerB, a, product, PhotosTests.PhonePhoto(800, 600)))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ownerB.PostAsync("/me/produk?handler=Photo", photo)).StatusCode);
        }

        Assert.Equal(0, await app.DbAsync(db => db.Set<Product>().CountAsync(p => p.Name.StartsWith("Kue Curian") || p.Name == "Kue Lumpur Diubah")));
        Assert.Equal(0, await app.DbAsync(db => db.Set<ProductPhoto>().CountAsync(p => p.ProductId == product)));
        Assert.True(await app.DbAsync(db => db.Set<Business>().Where(x => x.Id == a).Select(x => x.CatalogueConsent).SingleAsync()));
        Assert.Equal(OfferAnswer.Pending, await app.DbAsync(db => db.Set<BulkOrderOffer>().Where(o => o.Id == offer).Select(o => o.Answer).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ProgramOfficer)]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Leadership)]
    public async Task StaffCannotUseTheOwnersPages(string role)
    {
        using var staff = await app.PageClientAsync(role);
        foreach (var page in new[] { "/me/produk", "/me/pesanan" })
        {
            var response = await staff.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithdrawingHerConsentUnlistsTheBusinessAtOnceAudited()
    {
        var (id, owner) = await OwnedBusinessAsync(app, followRedirects: false);
        var product = await AddProductAsync(owner, id, "Bakpia Kumbu Dua");
        await CurateAsync(app, id, product, "approved");
        Assert.Contains(product, await PublicAsync(app, "Bakpia Kumbu Dua"));

        var withdrawn = await PostAsync(owner, "/me/produk", "Consent", new() { ["businessId"] = Text(id), ["consent"] = "false" });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Contains("Usaha Anda tidak lagi tampil di katalog umum.", await withdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(product, await PublicAsync(app, "Bakpia Kumbu Dua"));
        Assert.DoesNotContain("Bakpia Kumbu Dua", await app.CreateClient().GetStringAsync("/Katalog"), StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalogue.consent-withdrawn" && e.EntityId == Text(id))));

        await PostAsync(owner, "/me/produk", "Consent", new() { ["businessId"] = Text(id), ["consent"] = "true" });
        Assert.Contains(product, await PublicAsync(app, "Bakpia Kumbu Dua"));
    }

    [Fact]
    public async Task AnOfferIsAnsweredOnceAndASecondAnswerIsRefusedInIndonesian()
    {
        var category = await CategoryAsync("Nasi Kotak Sekali");
        var (id, owner) = await OwnedBusinessAsync(app, followRedirects: false);
        await SetAsync(app, id, b => b.CategoryId = category);
        await CurateAsync(app, id, await AddProductAsync(owner, id, "Nasi Kuning Sekali"), "approved");
        var offer = await OfferAsync(category);

        var page = WebUtility.HtmlDecode(await owner.GetStringAsync("/me/pesanan"));
        Assert.Contains($"data-offer=\"{offer}\" data-answer=\"pending\"", page, StringComparison.Ordinal);
        Assert.Contains("Kudapan rapat 100 orang.", page, StringComparison.Ordinal);
        Assert.Contains("100 × ", page, StringComparison.Ordinal);

        var accepted = await PostAsync(owner, "/me/pesanan", "Answer", new() { ["offerId"] = Text(offer), ["accept"] = "true" });
        var again = await PostAsync(owner, "/me/pesanan", "Answer", new() { ["offerId"] = Text(offer), ["accept"] = "false" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains($"data-offer=\"{offer}\" data-answer=\"accepted\"", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Tawaran ini sudah dijawab atau sudah kedaluwarsa.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.DbAsync(db => db.Set<BulkOrderOffer>().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferAnswer.Accepted, false), (stored.Answer, stored.OnBehalf));
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalogue.offer-accepted" && e.EntityId == Text(stored.BulkOrderId))));
        var desk = await (await app.PageClientAsync(Roles.ProgramOfficer)).GetStringAsync("/Katalog/Kelola");
        Assert.Contains("Diambil oleh Kue Basah Bu Sri", WebUtility.HtmlDecode(desk), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dodol Garut", "30000", "20000", "Harga terendah tidak boleh di atas harga tertinggi.")]
    [InlineData("", "15000", "20000", "Isi nama produk.")]
    public async Task BadProductInputIsRefusedInIndonesianAndStoresNothing(string name, string min, string max, string message)
    {
        var (id, owner) = await OwnedBusinessAsync(app, followRedirects: false);

        var refused = await PostAsync(owner, "/me/produk", "Save", ProductForm(id, name, min, max));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<Product>().CountAsync(p => p.BusinessId == id)));
    }

    [Fact]
    public async Task AFileThatIsNotAnImageIsRefusedAndAPhonePhotoIsShrunk()
    {
        var (id, owner) = await OwnedBusinessAsync(app, followRedirects: false);
        var product = await AddProductAsync(owner, id, "Keripik Pisang Foto");

        using (var text = await PhotoFormAsync(owner, id, product, "bukan foto"u8.ToArray()))
        {
            var refused = await owner.PostAsync("/me/produk?handler=Photo", text);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Foto harus berupa gambar", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.DbAsync(db => db.Set<ProductPhoto>().CountAsync(p => p.ProductId == product)));

        using (var photo = await PhotoFormAsync(owner, id, product, PhotosTests.PhonePhoto(3000, 4000)))
        {
            Assert.Equal(HttpStatusCode.OK, (await FollowAsync(owner, await owner.PostAsync("/me/produk?handler=Photo", photo))).StatusCode);
        }
        var stored = await app.DbAsync(db => db.Set<ProductPhoto>().SingleAsync(p => p.ProductId == product));
        Assert.Equal(ProductBook.ListSide, Math.Max(stored.Width, stored.Height));
    }

    [Fact]
    public async Task TheFilterChoicesShowANewCategoryAsSoonAsAProductIsCurated()
    {
        var name = "kue kering curasi";
        var category = await CategoryAsync(name);
        var (id, owner) = await OwnedBusinessAsync(app, followRedirects: false);
        await SetAsync(app, id, b => b.CategoryId = category);
        var product = await AddProductAsync(owner, id, "Kastengel Pilihan");
        var anonymous = app.CreateClient();
        Assert.DoesNotContain($"<option value=\"{name}\"", await anonymous.GetStringAsync("/Katalog"), StringComparison.Ordinal);

        await CurateAsync(app, id, product, "approved");

        Assert.Contains($"<option value=\"{name}\"", await anonymous.GetStringAsync("/Katalog"), StringComparison.Ordinal);
        await PostAsync(owner, "/me/produk", "Consent", new() { ["businessId"] = Text(id), ["consent"] = "false" });
        Assert.DoesNotContain($"<option value=\"{name}\"", await anonymous.GetStringAsync("/Katalog"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderClicksAreCountedForTheOwnerAndTheOfficers()
    {
        var (id, owner) = await OwnedBusinessAsync(app, followRedirects: false);
        var product = await AddProductAsync(owner, id, "Getuk Lindri Klik");
        await CurateAsync(app, id, product, "approved");
        var buyer = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await buyer.GetAsync(PublicCatalogue.OrderUrl(product))).StatusCode);
        }
        await app.DbAsync(db =>
        {
            db.Add(new OrderClick { AgencyId = app.AgencyId, BusinessId = id, ProductId = product, ClickedAt = DateTime.UtcNow.AddDays(-62) });
            return db.SaveChangesAsync();
        });

        Assert.Contains("Klik pesan: 3 bulan ini, 4 seluruhnya.", await owner.GetStringAsync("/me/produk"), StringComparison.Ordinal);
        Assert.Contains("3 klik pesan bulan ini", await owner.GetStringAsync("/me/produk"), StringComparison.Ordinal);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        Assert.Contains("Klik pesan: 3 bulan ini, 4 seluruhnya.", await officer.GetStringAsync($"/Usaha/{id}/Produk"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOwnersPagesAreLightOnAPhone()
    {
        var (person, _) = await app.ParticipantAsync();
        var id = await app.BusinessAsync(owners: person);
        var phone = await OwnerClientAsync(app, person, followRedirects: false);
        await AddProductAsync(phone, id, "Serabi Ringan");
        var compressed = await OwnerClientAsync(app, person);
        compressed.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        foreach (var page in new[] { "/me/produk", "/me/pesanan" })
        {
            var bytes = (await compressed.GetByteArrayAsync(page)).Length;
            foreach (Match asset in Asset().Matches(await phone.GetStringAsync(page)))
            {
                bytes += (await compressed.GetByteArrayAsync(WebUtility.HtmlDecode(asset.Groups[1].Value))).Length;
            }
            Assert.True(bytes < 150 * 1024, $"{page}: {bytes} bytes transferred on a first load");
        }
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<MultipartFormDataContent> PhotoFormAsync(HttpClient client, long businessId, long productId, byte[] content)
    {
        var html = await client.GetStringAsync("/me/produk");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(Text(businessId)), "businessId" },
            { new StringContent(Text(productId)), "productId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "kamera.jpg");
        return form;
    }

    private async Task<int> CategoryAsync(string name)
    {
        var response = await (await app.ApiClientAsync(Roles.ProgramOfficer)).PostAsJsonAsync("/api/v1/business-categories", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>A bulk order of the category, offered to its first business in turn; the offer's id.</summary>
    private async Task<long> OfferAsync(int category)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var categoryName = await app.DbAsync(db => db.Set<BusinessCategory>().Where(c => c.Id == category).Select(c => c.Name).SingleAsync());
        var response = await officer.PostAsJsonAsync("/api/v1/bulk-orders", new
        {
            office = "Bagian Umum Setda",
            category = categoryName,
            quantity = 100,
            neededOn = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            description = "Kudapan rapat 100 orang.",
            budget = 2_000_000m,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        return await app.DbAsync(db => db.Set<BulkOrderOffer>().Where(o => o.BulkOrderId == order).Select(o => o.Id).SingleAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("(?:href|src)=\"(/(?:css|js|lib)/[^\"]+)\"")]
    private static partial Regex Asset();
}
