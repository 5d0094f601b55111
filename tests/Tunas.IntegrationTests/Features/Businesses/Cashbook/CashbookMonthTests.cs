using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Features.Training;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses.Cashbook;

/// <summary>
/// The cashbook's monthly totals (<see cref="CashbookMonth"/>, decision 0029) equal the lines summed afresh after every
/// kind of change, and the dashboard shows a change at the very next request.
/// </summary>
public sealed class CashbookMonthTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static readonly DateOnly LastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(int Program, long A, long B)> TwoPlacedAsync()
    {
        var scenario = await app.PublishedAsync(2);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Bulan " + Guid.NewGuid().ToString("N")[..6], 5, ProgramScenario.Today.AddDays(-1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var ids = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        return (scenario.ProgramId, ids[0], ids[1]);
    }

    private static object Line(string clientId, string kind, DateOnly on, long amount, DateTime? updatedAt = null, bool deleted = false) =>
        new { clientId, kind, occurredOn = Day(on), item = "Kue", amount, paid = true, category = kind == "expense" ? "materials" : null, customer = kind == "debtPayment" ? "Bu Ani" : null, updatedAt, deleted };

    /// <summary>Every stored month of these participants, and the same months summed straight from their live lines.</summary>
    private async Task<(Dictionary<(long, DateOnly), (long, long, int)> Kept, Dictionary<(long, DateOnly), (long, long, int)> Recount)> BothAsync(params long[] participants)
    {
        var kept = await app.DbAsync(db => db.Set<CashbookMonth>().Where(m => participants.Contains(m.ParticipantId) && m.Lines > 0).ToListAsync());
        var emptyButNotZero = await app.DbAsync(db => db.Set<CashbookMonth>().CountAsync(m => participants.Contains(m.ParticipantId) && m.Lines == 0 && (m.Sales != 0 || m.Expenses != 0)));
        Assert.Equal(0, emptyButNotZero);
        var lines = await app.DbAsync(db => db.Set<CashbookEntry>().Where(e => participants.Contains(e.ParticipantId) && !e.Deleted && e.Kind != CashbookKind.DebtPayment).ToListAsync());
        var recount = lines.GroupBy(e => (e.ParticipantId, new DateOnly(e.OccurredOn.Year, e.OccurredOn.Month, 1)))
            .ToDictionary(g => g.Key, g => (g.Where(e => e.Kind == CashbookKind.Sale).Sum(e => e.Amount), g.Where(e => e.Kind == CashbookKind.Expense).Sum(e => e.Amount), g.Count()));
        return (kept.ToDictionary(m => (m.ParticipantId, m.Month), m => (m.Sales, m.Expenses, m.Lines)), recount);
    }

    [Fact]
    public async Task TheMonthlyTotalsEqualTheLinesAfterAddsEditsDeletesAndASync()
    {
        var (_, a, b) = await TwoPlacedAsync();
        using var alice = await app.ParticipantClientAsync(a);
        using var bella = await app.ParticipantClientAsync(b);
        async Task Ok(HttpResponseMessage r) => Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());

        await Ok(await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("s-1", "sale", LastMonth, 100_000)));
        await Ok(await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("s-2", "sale", Today, 50_000)));
        await Ok(await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("e-1", "expense", LastMonth, 30_000)));
        await Ok(await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("p-1", "debtPayment", LastMonth, 20_000)));
        await Ok(await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("s-1", "sale", LastMonth, 999_999)));
        await Ok(await bella.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("s-1", "sale", LastMonth, 7_000)));
        var (kept, recount) = await BothAsync(a, b);
        Assert.Equal(recount, kept);
        Assert.Equal((100_000L, 30_000L, 2), kept[(a, LastMonth)]);

        // An edit that moves the line to another month, and a deletion.
        await Ok(await alice.PutAsJsonAsync("/api/v1/me/cashbook/entries/s-1", Line("s-1", "sale", Today, 120_000)));
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync("/api/v1/me/cashbook/entries/s-2")).StatusCode);
        (kept, recount) = await BothAsync(a, b);
        Assert.Equal(recount, kept);
        Assert.Equal((0L, 30_000L, 1), kept[(a, LastMonth)]);

        // A phone's queue: a new line, a later edit, a deletion, a stale edit that must not count, and a line deleted before it ever arrived.
        var later = DateTime.UtcNow.AddMinutes(5);
        await Ok(await alice.PostAsJsonAsync("/api/v1/me/cashbook/sync", new[]
        {
            Line("s-3", "sale", LastMonth, 40_000, later),
            Line("e-1", "expense", LastMonth, 35_000, later),
            Line("s-1", "sale", Today, 120_000, later, deleted: true),
            Line("p-1", "sale", LastMonth, 5_000_000, DateTime.UtcNow.AddYears(-1)),
            Line("gone", "sale", LastMonth, 8_000_000, later, deleted: true),
        }));
        (kept, recount) = await BothAsync(a, b);
        Assert.Equal(recount, kept);
        Assert.Equal((40_000L, 35_000L, 2), kept[(a, LastMonth)]);
        Assert.False(kept.ContainsKey((a, new DateOnly(Today.Year, Today.Month, 1))));

        // The staff's reader (from the kept months) and a recount from the lines agree once she shares.
        await Ok(await alice.PutAsJsonAsync("/api/v1/me/cashbook/sharing", new { shareMonthlyTotals = true }));
        using var scope = app.Services.CreateScope();
        var totals = scope.ServiceProvider.GetRequiredService<CashbookTotals>();
        var agency = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.Id == a).Select(p => p.AgencyId).SingleAsync());
        Assert.Equal(await totals.RecountAsync(agency, [a, b], LastMonth.AddMonths(-2), Today), await totals.MonthlyAsync(agency, [a, b], LastMonth.AddMonths(-2), Today));
    }

    [Fact]
    public async Task ASavedLineCountsAtTheNextDashboardRequest()
    {
        var (program, a, _) = await TwoPlacedAsync();
        using var alice = await app.ParticipantClientAsync(a);
        var leader = await app.ApiClientAsync(Roles.Leadership);
        async Task<Median> RevenueAsync()
        {
            var response = await leader.GetAsync($"/api/v1/dashboard?programId={program}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Dashboard>(JsonSerializerOptions.Web))!.Outcomes.CashbookRevenue;
        }
        (await alice.PutAsJsonAsync("/api/v1/me/cashbook/sharing", new { shareMonthlyTotals = true })).EnsureSuccessStatusCode();
        (await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("s-1", "sale", LastMonth, 100_000))).EnsureSuccessStatusCode();
        Assert.Equal(new Median(100_000, 1), await RevenueAsync());

        (await alice.PostAsJsonAsync("/api/v1/me/cashbook/entries", Line("s-2", "sale", LastMonth.AddDays(3), 50_000))).EnsureSuccessStatusCode();
        Assert.Equal(new Median(150_000, 1), await RevenueAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync("/api/v1/me/cashbook/entries/s-1")).StatusCode);
        Assert.Equal(new Median(50_000, 1), await RevenueAsync());

        // Withdrawing her consent takes the month back at once: the totals are kept for all, the consent read at each request.
        (await alice.PutAsJsonAsync("/api/v1/me/cashbook/sharing", new { shareMonthlyTotals = false })).EnsureSuccessStatusCode();
        Assert.Equal(new Median(null, 0), await RevenueAsync());
    }
}
