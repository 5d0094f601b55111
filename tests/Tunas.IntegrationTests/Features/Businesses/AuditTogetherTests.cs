using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Catalogue;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses;

/// <summary>
/// A new worker, business or product and the audit entry that names it are saved together or not at all: when the
/// entry cannot be written (a full disk at the second save), the row is not left behind unaudited, and the same
/// request stores both once the disk has room. The API answers the fault with 503, Retry-After and the cause in
/// Indonesian (<see cref="DatabaseFaultAnswer"/>), not a bare 500.
/// </summary>
public sealed class AuditTogetherTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    [Fact]
    public async Task ARowWhoseAuditEntryCannotBeWrittenIsNotStoredAndIsStoredWithItsEntryOnceTheDiskHasRoom()
    {
        var id = await app.BusinessAsync();
        var owner = (await app.ParticipantAsync()).PersonId;
        var resident = await app.ParticipantAsync(placed: false);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var worker = new { fullName = "Siti Pekerja", nik = resident.Nik, nikConsent = true, hoursPerWeek = 30, payBand = "oneToTwoMillion", startedOn = "2026-02-01" };
        var business = BusinessApp.Body([owner]) with { Name = "Usaha Tanpa Jejak" };
        var product = new { name = "Bolu Tanpa Jejak", priceMin = 10000m, priceMax = 20000m, unit = "kotak" };
        var entries = await app.DbAsync(db => db.AuditEntries.CountAsync());

        app.Faults.OnlyInsertsInto = "AuditEntries";
        app.Faults.Failing = true;
        try
        {
            var refused = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/workers", worker);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("30", refused.Headers.RetryAfter?.ToString());
            Assert.Equal("Penyimpanan data sedang penuh. Belum ada yang tersimpan. Silakan coba lagi beberapa menit lagi.",
                (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.PostAsJsonAsync("/api/v1/businesses", business)).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/products", product)).StatusCode);
        }
        finally
        {
            app.Faults.Failing = false;
            app.Faults.OnlyInsertsInto = null;
        }

        Assert.Equal(0, await app.DbAsync(db => db.Set<BusinessWorker>().CountAsync(w => w.BusinessId == id)));
        Assert.Equal(0, await app.DbAsync(db => db.Set<Business>().CountAsync(b => b.Name == "Usaha Tanpa Jejak")));
        Assert.Equal(0, await app.DbAsync(db => db.Set<Product>().CountAsync(p => p.BusinessId == id)));
        Assert.Equal(entries, await app.DbAsync(db => db.AuditEntries.CountAsync()));

        var added = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/workers", worker);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/businesses", business)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/products", product)).StatusCode);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "business.worker-added" && e.EntityId == key)));
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "product.added" && e.EntityId == key)));
        Assert.Equal(entries + 3, await app.DbAsync(db => db.AuditEntries.CountAsync()));
        Assert.True((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64() > 0);
    }

    /// <summary>A page's form meets the same fault: a 503 page with Retry-After saying why and that nothing was saved, not "something went wrong".</summary>
    [Fact]
    public async Task APageFormThatMeetsAFullDiskAnswersA503PageNamingTheCauseAndStoresNothing()
    {
        var page = await app.PageClientAsync(Roles.ProgramOfficer);
        var form = await TunasFactory.FormAsync(page, "/Usaha/Kategori", new() { ["name"] = "Kategori Tanpa Jejak" });

        app.Faults.OnlyInsertsInto = "AuditEntries";
        app.Faults.Failing = true;
        HttpResponseMessage refused;
        try
        {
            refused = await page.PostAsync("/Usaha/Kategori?handler=Add", form);
        }
        finally
        {
            app.Faults.Failing = false;
            app.Faults.OnlyInsertsInto = null;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("30", refused.Headers.RetryAfter?.ToString());
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Layanan sedang terganggu", html, StringComparison.Ordinal);
        Assert.Contains("Penyimpanan data sedang penuh. Belum ada yang tersimpan. Silakan coba lagi beberapa menit lagi.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Terjadi kesalahan", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<BusinessCategory>().CountAsync(c => c.Name == "Kategori Tanpa Jejak")));

        var again = await page.PostAsync("/Usaha/Kategori?handler=Add",
            await TunasFactory.FormAsync(page, "/Usaha/Kategori", new() { ["name"] = "Kategori Tanpa Jejak" }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.Set<BusinessCategory>().CountAsync(c => c.Name == "Kategori Tanpa Jejak")));
    }
}
