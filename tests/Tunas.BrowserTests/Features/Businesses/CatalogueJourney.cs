using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Catalogue;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Businesses;

/// <summary>
/// A neighbour finds a product in the public catalogue on a 360-px phone (issue 14): the first load under 100 KB before
/// images, a search by a word narrowed by category and kelurahan, and the order button that counts the click and opens
/// WhatsApp with the product named (the wa.me address is caught in the browser: no outside host is ever reached). A
/// product not curated, one sent back for work and one whose owner withdrew her consent are never listed.
/// </summary>
public sealed class CatalogueJourney(CatalogueShop app, ITestOutputHelper output) : IClassFixture<CatalogueShop>
{
    [BrowserFact]
    public async Task ANeighbourFindsAProductAndOrdersOnWhatsApp()
    {
        var clicksBefore = await app.OrderClicksAsync(app.Tempe.BusinessId);
        var opened = new ConcurrentQueue<string>();
        await app.RunAsync(output, async page =>
        {
            // The first visit, with an empty cache: the page, its stylesheet and icon, before any product photo.
            var meter = await TransferMeter.StartAsync(page);
            await meter.ClearCacheAsync();
            var first = await meter.VisitAsync(page, "/Katalog");
            output.WriteLine(first.ToString());
            var beforeImages = BytesBeforeImages(first);
            Assert.True(beforeImages < 100 * 1024, $"{beforeImages} bytes before images; {first}");
            Assert.True(await new AppPage(page).ScrollWidthAsync() <= 360, "the catalogue scrolls sideways on a 360-px phone");
            var items = page.Locator("li.item");
            await Expect(items).ToHaveCountAsync(4);
            Assert.Empty((await ShownAsync(page)).Intersect(app.Unlisted));
            await Expect(page.Locator($"li[data-product='{app.Tempe.ProductId}'] img")).ToHaveAttributeAsync("loading", "lazy");

            // A word, then a category, then a kelurahan: each narrows the list.
            await page.Locator("form.find input[name='q']").FillAsync("keripik");
            await page.Locator("form.find button[type='submit']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Katalog\?q=keripik"));
            await Expect(items).ToHaveCountAsync(3);
            Assert.Empty((await ShownAsync(page)).Intersect(app.Unlisted));
            await page.Locator("form.find select[name='category']").SelectOptionAsync("makanan");
            await page.Locator("form.find button[type='submit']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("category=makanan"));
            await Expect(items).ToHaveCountAsync(2);
            await page.Locator("form.find select[name='villageCode']").SelectOptionAsync(ProgramScenario.Village1);
            await page.Locator("form.find button[type='submit']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("villageCode=" + Regex.Escape(ProgramScenario.Village1)));
            await Expect(items).ToHaveCountAsync(1);
            var found = page.Locator($"li[data-product='{app.Tempe.ProductId}']");
            await Expect(found).ToContainTextAsync(CatalogueShop.TempeName);
            await Expect(page.GetByTestId("total")).ToContainTextAsync("1");

            // The order button: anything bound outside the app is caught here; wa.me answers with a stand-in page.
            await page.Context.RouteAsync(url => !url.StartsWith(app.App.BaseAddress.ToString(), StringComparison.Ordinal), route =>
            {
                opened.Enqueue(route.Request.Url);
                return route.Request.Url.StartsWith("https://wa.me/", StringComparison.Ordinal)
                    ? route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>WhatsApp</title>" })
                    : route.AbortAsync("blockedbyclient");
            });
            var popup = await page.RunAndWaitForPopupAsync(() => found.Locator("a.order").ClickAsync());
            await Expect(popup).ToHaveURLAsync(new Regex("^https://wa\\.me/"));
            var wa = new Uri(popup.Url);
            Assert.Equal("/" + CatalogueShop.WhatsAppDigits, wa.AbsolutePath);
            var text = Uri.UnescapeDataString(wa.Query.Replace("+", "%20", StringComparison.Ordinal));
            Assert.Contains("\"" + CatalogueShop.TempeName + "\"", text, StringComparison.Ordinal);
            Assert.Contains(CatalogueShop.TempeBusiness, text, StringComparison.Ordinal);
            await popup.CloseAsync();
        }, new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 740 } });

        Assert.All(opened, url => Assert.StartsWith("https://wa.me/" + CatalogueShop.WhatsAppDigits + "?text=", url, StringComparison.Ordinal));
        Assert.Single(opened);
        Assert.Equal(clicksBefore + 1, await app.OrderClicksAsync(app.Tempe.BusinessId));
    }

    private static async Task<long[]> ShownAsync(IPage page) =>
        await page.Locator("li.item").EvaluateAllAsync<long[]>("items => items.map(i => Number(i.dataset.product))");

    /// <summary>The bytes of everything but the product photos (lazy, and sized for the screen: they come after the page).</summary>
    private static long BytesBeforeImages(Transfer transfer) => transfer.Details
        .Select(line => line.Trim().Split(' ', 2))
        .Where(parts => !parts[1].Contains("/Katalog/foto/", StringComparison.Ordinal))
        .Sum(parts => long.Parse(parts[0], CultureInfo.InvariantCulture));
}

/// <summary>
/// The configured app with a catalogue: four placed graduates' businesses (makanan in two kelurahan, kerajinan,
/// and one whose owner later withdrew her consent), their products added and curated through the API.
/// </summary>
public sealed class CatalogueShop : StaffFixture
{
    public const string TempeName = "Keripik Tempe Pedas";
    public const string TempeBusiness = "Dapur Bu Sri";
    public const string WhatsAppDigits = "6281234567890";

    public (long BusinessId, long ProductId) Tempe { get; private set; }

    /// <summary>Products that must never show: not curated, sent back for work, and of a business whose owner withdrew.</summary>
    public IReadOnlyList<long> Unlisted { get; private set; } = [];

    protected override async Task SeededAsync(BrowserAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scenario = await ProgramScenario.CreateAsync(app);
        foreach (var (key, village) in new[] { ("sri", ProgramScenario.Village1), ("ani", ProgramScenario.Village2), ("tari", ProgramScenario.Village1), ("wulan", ProgramScenario.Village1) })
        {
            await scenario.ApplyAsync(app, key, village, 2, scenario.TrackA);
        }
        await Graduates.CohortAsync(app, scenario, ProgramScenario.Today.AddDays(-30), scenario.Applicants.Values.Select(a => a.ApplicationId));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var sri = await BusinessAsync(officer, scenario.Applicants["sri"].PersonId, TempeBusiness, "makanan", ProgramScenario.Village1);
        var tempe = await ProductAsync(officer, sri, TempeName, "approved");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(TestPhoto.Jpeg(1600, 1200)), "file", "IMG_20260301.jpg");
            (await officer.PostAsync($"/api/v1/businesses/{sri}/products/{tempe}/photos", form)).EnsureSuccessStatusCode();
        }
        Tempe = (sri, tempe);
        var pending = await ProductAsync(officer, sri, "Keripik Singkong Balado", null);
        var needsWork = await ProductAsync(officer, sri, "Keripik Talas", "needsWork");
        var ani = await BusinessAsync(officer, scenario.Applicants["ani"].PersonId, "Camilan Ani", "makanan", ProgramScenario.Village2);
        await ProductAsync(officer, ani, "Keripik Pisang Manis", "approved");
        var tari = await BusinessAsync(officer, scenario.Applicants["tari"].PersonId, "Anyaman Tari", "kerajinan", ProgramScenario.Village1);
        await ProductAsync(officer, tari, "Tas Anyaman Motif Keripik", "approved");
        await ProductAsync(officer, tari, "Tikar Pandan", "approved");

        // Wulan's product was approved while she consented; then she withdrew, and her business left the catalogue.
        var wulanBody = Body(scenario.Applicants["wulan"].PersonId, "Dapur Wulan", "makanan", ProgramScenario.Village1);
        var wulan = await BusinessAsync(officer, wulanBody);
        var withdrawn = await ProductAsync(officer, wulan, "Keripik Bawang", "approved");
        (await officer.PutAsJsonAsync($"/api/v1/businesses/{wulan}", wulanBody with { CatalogueConsent = false })).EnsureSuccessStatusCode();
        Unlisted = [pending, needsWork, withdrawn];
    }

    private static BusinessInput Body(long owner, string name, string category, string village) => new()
    {
        OwnerPersonIds = [owner],
        Name = name,
        Category = category,
        Description = "Usaha rumahan lulusan pelatihan.",
        VillageCode = village,
        Address = "Jl. Kenanga 7",
        StartedOn = "2026-01-15",
        Status = "active",
        WhatsApp = "0812-3456-7890",
        CatalogueConsent = true,
    };

    private static Task<long> BusinessAsync(HttpClient officer, long owner, string name, string category, string village) =>
        BusinessAsync(officer, Body(owner, name, category, village));

    private static async Task<long> BusinessAsync(HttpClient officer, BusinessInput body)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/businesses", body);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>A product of the business, curated with <paramref name="curation"/> unless null (left waiting); its id.</summary>
    private static async Task<long> ProductAsync(HttpClient officer, long business, string name, string? curation)
    {
        var response = await officer.PostAsJsonAsync($"/api/v1/businesses/{business}/products",
            new { name, description = "Dibuat pagi hari, dikemas rapi.", priceMin = 15000, priceMax = 20000, unit = "bungkus" });
        var id = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        if (curation is not null)
        {
            var note = curation == "needsWork" ? "Foto kemasan belum jelas." : null;
            (await officer.PutAsJsonAsync($"/api/v1/businesses/{business}/products/{id}/curation", new { status = curation, note })).EnsureSuccessStatusCode();
        }
        return id;
    }

    public Task<int> OrderClicksAsync(long business) => Graduates.DbAsync(App, db => db.Set<OrderClick>().CountAsync(c => c.BusinessId == business));
}
