using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Features.Training;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses.Cashbook;

public sealed class CashbookTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string Month = Today[..7];

    private async Task<(int Cohort, long A, long B)> TwoPlacedAsync()
    {
        var scenario = await app.PublishedAsync(2);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Kas " + Guid.NewGuid().ToString("N")[..6], 5, ProgramScenario.Today.AddDays(-1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var ids = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        return (cohort, ids[0], ids[1]);
    }

    private static object Sale(string clientId, long amount, bool paid = true, string? customer = null, string? dueOn = null) =>
        new { clientId, kind = "sale", occurredOn = Today, item = "Kue lapis", quantity = 2, amount, paid, customer, dueOn };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task TheSameClientIdAgainAnswers200WithTheSameIdAndStoresOnce()
    {
        var (_, a, _) = await TwoPlacedAsync();
        using var phone = await app.ParticipantClientAsync(a);

        var first = await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("k-1", 50_000));
        var again = await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("k-1", 50_000));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetInt64(), (await JsonAsync(again)).GetProperty("id").GetInt64());
        Assert.Equal(1, await app.DbAsync(db => db.Set<CashbookEntry>().CountAsync(e => e.ParticipantId == a)));
    }

    [Fact]
    public async Task TheSummaryCountsOwedSalesAsSalesAndReceivablesAsUnpaidLessPayments()
    {
        var (_, a, _) = await TwoPlacedAsync();
        using var phone = await app.ParticipantClientAsync(a);
        (await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("s-1", 100_000))).EnsureSuccessStatusCode();
        (await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("s-2", 60_000, paid: false, customer: "Bu Ani"))).EnsureSuccessStatusCode();
        (await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries",
            new { clientId = "e-1", kind = "expense", occurredOn = Today, item = "Tepung", amount = 45_000, category = "materials" })).EnsureSuccessStatusCode();
        (await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries",
            new { clientId = "p-1", kind = "debtPayment", occurredOn = Today, amount = 20_000, customer = "Bu Ani" })).EnsureSuccessStatusCode();
        (await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("s-3", 999_000))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync("/api/v1/me/cashbook/entries/s-3")).StatusCode);

        var summary = await JsonAsync(await phone.GetAsync($"/api/v1/me/cashbook/summary?month={Month}"));

        Assert.Equal((160_000L, 45_000L, 115_000L, 40_000L), (summary.GetProperty("sales").GetInt64(), summary.GetProperty("expenses").GetInt64(),
            summary.GetProperty("profit").GetInt64(), summary.GetProperty("receivables").GetInt64()));
        var debtors = await JsonAsync(await phone.GetAsync("/api/v1/me/cashbook/debtors"));
        var ani = Assert.Single(debtors.EnumerateArray());
        Assert.Equal(("Bu Ani", 40_000L), (ani.GetProperty("customer").GetString(), ani.GetProperty("total").GetInt64()));
        Assert.StartsWith("https://wa.me/?text=", ani.GetProperty("whatsAppUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherParticipantsSameClientIdNeverTouchesHerEntry()
    {
        var (_, a, b) = await TwoPlacedAsync();
        using var alice = await app.ParticipantClientAsync(a);
        using var bella = await app.ParticipantClientAsync(b);
        (await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("same", 70_000))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await bella.PutAsJsonAsync("/api/v1/me/cashbook/entries/same", Sale("same", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bella.DeleteAsync("/api/v1/me/cashbook/entries/same")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bella.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("same", 5_000))).StatusCode);
        var sync = await bella.PostAsJsonAsync("/api/v1/me/cashbook/sync", new[] { new { clientId = "same", deleted = true, updatedAt = DateTime.UtcNow.AddMinutes(5) } });
        sync.EnsureSuccessStatusCode();

        var hers = await JsonAsync(await alice.GetAsync($"/api/v1/me/cashbook/summary?month={Month}"));
        Assert.Equal(70_000L, hers.GetProperty("sales").GetInt64());
        Assert.Empty((await JsonAsync(await bella.GetAsync("/api/v1/me/cashbook/entries"))).EnumerateArray());
    }

    [Fact]
    public async Task SyncStoresEachEntryOnceAndTheLatestChangeWins()
    {
        var (_, a, _) = await TwoPlacedAsync();
        using var phone = await app.ParticipantClientAsync(a);
        var t0 = DateTime.UtcNow;
        object Line(string id, long amount, DateTime at, bool deleted = false) =>
            new { clientId = id, kind = "sale", occurredOn = Today, item = "Es teh", amount, paid = true, updatedAt = at, deleted };

        var first = await JsonAsync(await phone.PostAsJsonAsync("/api/v1/me/cashbook/sync", new[] { Line("q-1", 10_000, t0), Line("q-2", 20_000, t0), Line("q-3", 30_000, t0) }));
        var replay = await JsonAsync(await phone.PostAsJsonAsync("/api/v1/me/cashbook/sync",
            new[] { Line("q-1", 10_000, t0), Line("q-2", 25_000, t0.AddMinutes(1)), Line("q-3", 30_000, t0.AddMinutes(1), deleted: true) }));
        var stale = await JsonAsync(await phone.PostAsJsonAsync("/api/v1/me/cashbook/sync", new[] { Line("q-2", 99_000, t0), Line("q-3", 30_000, t0) }));

        Assert.Equal((3, 0), (first.GetProperty("stored").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal((2, 1), (replay.GetProperty("stored").GetInt32(), replay.GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 2), (stale.GetProperty("stored").GetInt32(), stale.GetProperty("duplicates").GetInt32()));
        var summary = await JsonAsync(await phone.GetAsync($"/api/v1/me/cashbook/summary?month={Month}"));
        Assert.Equal(35_000L, summary.GetProperty("sales").GetInt64());
        Assert.Equal(3, await app.DbAsync(db => db.Set<CashbookEntry>().CountAsync(e => e.ParticipantId == a)));
    }

    [Fact]
    public async Task ABatchWithOneBadEntryOrOver500IsRefusedWholeAndStoresNothing()
    {
        var (_, a, _) = await TwoPlacedAsync();
        using var phone = await app.ParticipantClientAsync(a);
        var good = new { clientId = "g-1", kind = "sale", occurredOn = Today, item = "Roti", amount = 5_000, paid = true, updatedAt = DateTime.UtcNow };
        var bad = new { clientId = "g-2", kind = "sale", occurredOn = Today, item = "Roti", amount = -5, paid = true, updatedAt = DateTime.UtcNow };

        var refused = await phone.PostAsJsonAsync("/api/v1/me/cashbook/sync", new[] { good, bad });
        var tooMany = await phone.PostAsJsonAsync("/api/v1/me/cashbook/sync",
            Enumerable.Range(0, 501).Select(i => good with { clientId = "m-" + i.ToString(CultureInfo.InvariantCulture) }).ToArray());
        var owedWithoutCustomer = await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("o-1", 5_000, paid: false));
        var badKind = await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", new { clientId = "o-2", kind = "gift", occurredOn = Today, amount = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.Equal("Nilai berupa rupiah bulat di atas 0.", errors.GetProperty("[1].amount")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("500", (await tooMany.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, owedWithoutCustomer.StatusCode);
        Assert.Contains("pelanggan", (await owedWithoutCustomer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.Set<CashbookEntry>().CountAsync(e => e.ParticipantId == a)));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ProgramOfficer)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Leadership)]
    public async Task StaffReachNoEntryEndpoint(string role)
    {
        var staff = await app.ApiClientAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("x", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me/cashbook/entries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/v1/me/cashbook/entries/x", Sale("x", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.DeleteAsync("/api/v1/me/cashbook/entries/x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/me/cashbook/sync", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me/cashbook/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me/cashbook/debtors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me/cashbook.xlsx")).StatusCode);
    }

    [Fact]
    public async Task OfficersSeeMonthlyTotalsOnlyWhileSheShares()
    {
        var (cohort, a, _) = await TwoPlacedAsync();
        using var phone = await app.ParticipantClientAsync(a);
        (await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("t-1", 80_000))).EnsureSuccessStatusCode();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var url = $"/api/v1/cohorts/{cohort}/participants/{a}/monthly-totals";

        var before = await JsonAsync(await officer.GetAsync(url));
        (await phone.PutAsJsonAsync("/api/v1/me/cashbook/sharing", new { shareMonthlyTotals = true })).EnsureSuccessStatusCode();
        var shared = await JsonAsync(await officer.GetAsync(url));
        (await phone.PutAsJsonAsync("/api/v1/me/cashbook/sharing", new { shareMonthlyTotals = false })).EnsureSuccessStatusCode();
        var withdrawn = await JsonAsync(await officer.GetAsync(url));
        var staffTrainer = await app.ApiClientAsync(Roles.ProviderStaff);

        Assert.Empty(before.GetProperty("months").EnumerateArray());
        var month = Assert.Single(shared.GetProperty("months").EnumerateArray());
        Assert.Equal((Month, 80_000L), (month.GetProperty("month").GetString(), month.GetProperty("sales").GetInt64()));
        Assert.False(month.TryGetProperty("item", out _));
        Assert.Empty(withdrawn.GetProperty("months").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await staffTrainer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/cohorts/{cohort + 1000}/participants/{a}/monthly-totals")).StatusCode);
        Assert.Equal(2, await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("cashbook.sharing") && e.EntityId == a.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task ABusinessShowsTheMonthsOfTheOwnersWhoShareAndNoneOfTheOthers()
    {
        var (_, a, b) = await TwoPlacedAsync();
        using var phoneA = await app.ParticipantClientAsync(a);
        using var phoneB = await app.ParticipantClientAsync(b);
        (await phoneA.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("u-1", 70_000))).EnsureSuccessStatusCode();
        (await phoneB.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("u-1", 30_000))).EnsureSuccessStatusCode();
        (await phoneA.PutAsJsonAsync("/api/v1/me/cashbook/sharing", new { shareMonthlyTotals = true })).EnsureSuccessStatusCode();
        var business = await app.DbAsync(async db =>
        {
            var agency = await db.Set<CohortParticipant>().Where(p => p.Id == a).Select(p => p.AgencyId).SingleAsync();
            var owners = await (from p in db.Set<CohortParticipant>()
                                where p.Id == a || p.Id == b
                                join x in db.Applications on p.ApplicationId equals x.Id
                                select x.PersonId).ToListAsync();
            var category = new BusinessCategory { AgencyId = agency, Name = "Usaha uji " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTime.UtcNow };
            db.Add(category);
            await db.SaveChangesAsync();
            var row = new Business
            {
                AgencyId = agency,
                Name = "Kue Bersama",
                CategoryId = category.Id,
                VillageCode = ProgramScenario.Village1,
                Status = BusinessStatus.Active,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                Owners = [.. owners.Select(o => new BusinessOwner { AgencyId = agency, PersonId = o })],
            };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var totals = await JsonAsync(await officer.GetAsync($"/api/v1/businesses/{business}/monthly-totals"));
        var month = Assert.Single(totals.GetProperty("months").EnumerateArray());

        Assert.Equal((a, Month, 70_000L), (month.GetProperty("participantId").GetInt64(), month.GetProperty("month").GetString(), month.GetProperty("sales").GetInt64()));
        Assert.False(month.TryGetProperty("item", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Roles.VillageOperator)).GetAsync($"/api/v1/businesses/{business}/monthly-totals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/businesses/{business + 1000}/monthly-totals")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/businesses/{business}/monthly-totals?from=2026-13")).StatusCode);
    }

    [Fact]
    public async Task TheExcelFileHoldsHerEntries()
    {
        var (_, a, _) = await TwoPlacedAsync();
        using var phone = await app.ParticipantClientAsync(a);
        (await phone.PostAsJsonAsync("/api/v1/me/cashbook/entries", Sale("x-1", 12_000))).EnsureSuccessStatusCode();

        var file = await phone.GetAsync("/api/v1/me/cashbook.xlsx");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 1000);
    }
}
