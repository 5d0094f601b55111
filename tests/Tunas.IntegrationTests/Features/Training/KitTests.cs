using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Kits;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

/// <summary>Starter kits (issue 13): templates, hand-overs with a photo or a signature, stock and budget totals.</summary>
public sealed class KitTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    /// <summary>A 1×1 PNG, as the signature canvas would send it.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private static readonly object[] Kit =
    [
        new { name = "Oven", quantity = 1, unitValue = 2_500_000 },
        new { name = "Mixer", quantity = 1, unitValue = 750_000 },
        new { name = "Cetakan", quantity = 4, unitValue = 50_000 },
    ];

    private const long KitValue = 2_500_000 + 750_000 + (4 * 50_000);

    private async Task<(ProgramScenario Scenario, int Cohort, long[] People)> PlacedAsync(int providerId, int people = 2)
    {
        var scenario = await app.PublishedAsync(people);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, providerId, "Paket", 5, ProgramScenario.Today.AddDays(-1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var template = await officer.PutAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/tracks/{scenario.TrackA}/kit", new { items = Kit });
        Assert.Equal(HttpStatusCode.NoContent, template.StatusCode);
        var placed = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).OrderBy(p => p.ApplicationId).Select(p => p.Id).ToArrayAsync());
        return (scenario, cohort, placed);
    }

    private static string Url(int cohort, long participant) => $"/api/v1/cohorts/{cohort}/participants/{participant}/kit-handover";

    private static object Signed => new { signature = "data:image/png;base64," + Png };

    private static MultipartFormDataContent Photo(byte[] content, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "photo", "foto.jpg" } };
    }

    private int StoredFiles()
    {
        using var scope = app.Services.CreateScope();
        var folder = scope.ServiceProvider.GetRequiredService<KitProofs>().Folder;
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Fact]
    public async Task ASecondHandOverIsRefusedUntilTheFirstIsVoided()
    {
        var (_, cohort, people) = await PlacedAsync(app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var first = await staff.PostAsJsonAsync(Url(cohort, people[0]), Signed);
        var second = await staff.PostAsJsonAsync(Url(cohort, people[0]), Signed);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("sudah menerima paket usaha", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var staffVoid = await staff.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/kit-handovers/{id}/void", new { reason = "Salah orang" });
        var noReason = await officer.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/kit-handovers/{id}/void", new { reason = " " });
        var voided = await officer.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/kit-handovers/{id}/void", new { reason = "Salah orang" });
        var third = await staff.PostAsJsonAsync(Url(cohort, people[0]), Signed);

        Assert.Equal(HttpStatusCode.Forbidden, staffVoid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, voided.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        var handovers = await app.DbAsync(db => db.Set<KitHandover>().Include(h => h.Items).Where(h => h.ParticipantId == people[0]).ToListAsync());
        Assert.Equal(2, handovers.Count);
        Assert.Single(handovers, h => h.VoidedAt is null);
        Assert.All(handovers, h => Assert.Equal(KitValue, h.Value));
        Assert.All(handovers, h => Assert.Equal(3, h.Items.Count));
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "kit.handover-voided" && a.EntityId == people[0].ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task AFileThatIsNoImageAndAnOversizedPhotoAreRefusedWithNothingStored()
    {
        var (_, cohort, people) = await PlacedAsync(app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var before = StoredFiles();

        var text = await staff.PostAsync(Url(cohort, people[0]), Photo("bukan gambar, hanya teks"u8.ToArray(), "image/jpeg"));
        var big = new byte[(5 * 1024 * 1024) + 1];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;
        var oversized = await staff.PostAsync(Url(cohort, people[0]), Photo(big, "image/jpeg"));
        var fakeSignature = await staff.PostAsJsonAsync(Url(cohort, people[0]), new { signature = "data:text/html;base64,PHA+aGFpPC9wPg==" });
        var none = await staff.PostAsJsonAsync(Url(cohort, people[0]), new { });

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("Bukti harus berupa foto", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Contains("Foto lebih besar dari 5 MB", await oversized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, fakeSignature.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Tambahkan foto serah terima", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<KitHandover>().CountAsync(h => h.CohortId == cohort)));
        Assert.Equal(before, StoredFiles());

        var jpeg = await staff.PostAsync(Url(cohort, people[0]), Photo([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg"));
        Assert.Equal(HttpStatusCode.Created, jpeg.StatusCode);
        Assert.Equal(before + 1, StoredFiles());
    }

    [Fact]
    public async Task OnlyAPlacedParticipantReceivesAKit()
    {
        var (_, cohort, people) = await PlacedAsync(app.ProviderA);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/participants/{people[1]}/drop-out", new { reason = "Bekerja di luar kota" })).EnsureSuccessStatusCode();

        var response = await officer.PostAsJsonAsync(Url(cohort, people[1]), Signed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mengundurkan diri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<KitHandover>().CountAsync(h => h.CohortId == cohort)));
    }

    [Fact]
    public async Task TheProgramsTotalsCountHandedOverKitsAgainstBudgetAndStock()
    {
        var (scenario, cohort, people) = await PlacedAsync(app.ProviderA, people: 3);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var stock = await officer.PutAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/kit-stock", new
        {
            items = new object[] { new { name = "Oven", quantity = 2, unitValue = 2_500_000 }, new { name = "Mixer", quantity = 5, unitValue = 750_000 } },
        });
        Assert.Equal(HttpStatusCode.NoContent, stock.StatusCode);
        foreach (var person in people)
        {
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync(Url(cohort, person), Signed)).StatusCode);
        }

        var kits = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{scenario.ProgramId}/kits");

        var money = kits.GetProperty("money");
        Assert.Equal(150_000_000, money.GetProperty("budget").GetInt64());
        Assert.Equal(3, money.GetProperty("kitsHandedOver").GetInt32());
        Assert.Equal(3 * KitValue, money.GetProperty("kitsValue").GetInt64());
        Assert.Equal(150_000_000 - (3 * KitValue), money.GetProperty("remaining").GetInt64());
        var left = kits.GetProperty("stock").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("left").GetInt32());
        Assert.Equal(-1, left["Oven"]); // two bought, three handed over: the gap shows
        Assert.Equal(2, left["Mixer"]);
        Assert.Equal(-12, left["Cetakan"]); // never bought
    }

    [Fact]
    public async Task BadTemplateItemsAreRefusedInIndonesianAndTheOldTemplateStays()
    {
        var (scenario, _, _) = await PlacedAsync(app.ProviderA);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PutAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/tracks/{scenario.TrackA}/kit",
            new { items = new object[] { new { name = "", quantity = 0, unitValue = -5 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Isi nama barang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await app.DbAsync(db => db.Set<KitTemplateItem>().CountAsync(i => i.TrackId == scenario.TrackA)));
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)] // a trainer of another provider
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Participant)]
    public async Task OnlyOfficersAndTheCohortsOwnProviderHandKitsOver(string role)
    {
        var (scenario, cohort, people) = await PlacedAsync(app.ProviderB);
        var client = role == Roles.Participant ? await app.ParticipantClientAsync(people[0]) : await app.ApiClientAsync(role);

        var handover = await client.PostAsJsonAsync(Url(cohort, people[0]), Signed);
        var list = await client.GetAsync($"/api/v1/cohorts/{cohort}/kit-handovers");
        var template = await client.PutAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/tracks/{scenario.TrackA}/kit", new { items = Kit });
        var totals = await client.GetAsync($"/api/v1/programs/{scenario.ProgramId}/kits");

        var expected = role == Roles.ProviderStaff ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, handover.StatusCode);
        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, totals.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.Set<KitHandover>().CountAsync(h => h.CohortId == cohort)));
    }

    [PdfToTextFact]
    public async Task TheReceiptNamesTheItemsAndTheMaskedNikOnly()
    {
        var (scenario, cohort, people) = await PlacedAsync(app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var created = await staff.PostAsJsonAsync(Url(cohort, people[0]), Signed);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var receipt = await staff.GetByteArrayAsync($"/api/v1/cohorts/{cohort}/kit-handovers/{id}/receipt");
        var proof = await staff.GetAsync($"/api/v1/cohorts/{cohort}/kit-handovers/{id}/proof");

        var text = await ExportFiles.PdfTextAsync(receipt);
        Assert.NotNull(text);
        Assert.Contains("Oven", text, StringComparison.Ordinal);
        Assert.Contains("Rp 3.450.000", text, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Nik(app, "p0"), text, StringComparison.Ordinal);
        Assert.Equal("image/png", proof.Content.Headers.ContentType?.MediaType);
    }
}
