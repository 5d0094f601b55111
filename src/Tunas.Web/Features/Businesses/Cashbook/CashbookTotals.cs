using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>A month in whole rupiah: owed sales count as sales; receivables are unpaid sales less payments received.</summary>
public sealed record CashbookSummary(long Sales, long Expenses, long Profit, long Receivables)
{
    public static CashbookSummary From(long sales, long unpaidSales, long expenses, long payments) =>
        new(sales, expenses, sales - expenses, unpaidSales - payments);
}

/// <summary>One participant's consented month, as staff see it.</summary>
public sealed record MonthlyTotal(long ParticipantId, string Month, long Sales, long Expenses, long Profit);

/// <summary>
/// Sums of cashbook lines. Staff read only monthly totals, and only of participants who share them now: a
/// participant who withdraws her consent takes every month back at once. No single entry ever leaves through here.
/// </summary>
public sealed class CashbookTotals(TunasDb db)
{
    /// <summary>The months between <paramref name="from"/> and <paramref name="to"/> (any days of them) of those who share.</summary>
    public Task<IReadOnlyList<MonthlyTotal>> MonthlyAsync(
        int agencyId, IReadOnlyCollection<long> participantIds, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        MonthlyAsync(agencyId, db.Set<CashbookMonth>().Where(m => participantIds.Contains(m.ParticipantId)), from, to, ct);

    /// <summary>
    /// The same for the participants a query selects (the dashboard's scope), joined in the database: 50,000 ids
    /// never travel as a parameter.
    /// </summary>
    public Task<IReadOnlyList<MonthlyTotal>> MonthlyAsync(
        int agencyId, IQueryable<long> participantIds, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        MonthlyAsync(agencyId, db.Set<CashbookMonth>().Where(m => participantIds.Contains(m.ParticipantId)), from, to, ct);

    /// <summary>Read from <see cref="CashbookMonth"/>, kept equal to the live sale and expense lines (decision 0029).</summary>
    private async Task<IReadOnlyList<MonthlyTotal>> MonthlyAsync(int agencyId, IQueryable<CashbookMonth> months, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1);
        var sharing = db.Set<CashbookSharing>().Where(s => s.AgencyId == agencyId && s.ShareMonthlyTotals).Select(s => s.ParticipantId);
        var rows = await months.AsNoTracking()
            .Where(m => m.AgencyId == agencyId && sharing.Contains(m.ParticipantId) && m.Month >= first && m.Month <= last && m.Lines > 0)
            .Select(m => new { m.ParticipantId, m.Month, m.Sales, m.Expenses })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ParticipantId).ThenBy(r => r.Month).Select(r => new MonthlyTotal(r.ParticipantId,
            r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Sales, r.Expenses, r.Sales - r.Expenses))];
    }

    /// <summary>
    /// The same months summed from the lines themselves: the recount that <see cref="CashbookMonth"/> must always equal
    /// (the tests and the bench hold one against the other).
    /// </summary>
    public async Task<IReadOnlyList<MonthlyTotal>> RecountAsync(int agencyId, IReadOnlyCollection<long> participantIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        var sharing = db.Set<CashbookSharing>().Where(s => s.AgencyId == agencyId && s.ShareMonthlyTotals && participantIds.Contains(s.ParticipantId))
            .Select(s => s.ParticipantId);
        var rows = await db.Set<CashbookEntry>().AsNoTracking()
            .Where(e => e.AgencyId == agencyId && participantIds.Contains(e.ParticipantId) && sharing.Contains(e.ParticipantId)
                && !e.Deleted && e.OccurredOn >= first && e.OccurredOn <= last && e.Kind != CashbookKind.DebtPayment)
            .GroupBy(e => new { e.ParticipantId, e.OccurredOn.Year, e.OccurredOn.Month, e.Kind })
            .Select(g => new { g.Key.ParticipantId, g.Key.Year, g.Key.Month, g.Key.Kind, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.ParticipantId, r.Year, r.Month)).OrderBy(g => g.Key).Select(g =>
        {
            var sales = g.Where(r => r.Kind == CashbookKind.Sale).Sum(r => r.Amount);
            var expenses = g.Where(r => r.Kind == CashbookKind.Expense).Sum(r => r.Amount);
            return new MonthlyTotal(g.Key.ParticipantId, new DateOnly(g.Key.Year, g.Key.Month, 1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                sales, expenses, sales - expenses);
        })];
    }

    /// <summary>One participant's month, whatever her consent: for her own page and for the bench, never for a staff answer.</summary>
    public Task<CashbookSummary> MonthAsync(int agencyId, long participantId, DateOnly month, CancellationToken ct = default) =>
        SummaryAsync(db.Set<CashbookEntry>().Where(e => e.AgencyId == agencyId && e.ParticipantId == participantId), month, month.AddMonths(1).AddDays(-1), ct);

    public Task<bool> SharesAsync(int agencyId, long participantId, CancellationToken ct = default) =>
        db.Set<CashbookSharing>().AnyAsync(s => s.AgencyId == agencyId && s.ParticipantId == participantId && s.ShareMonthlyTotals, ct);

    /// <summary>The summary of the lines of <paramref name="entries"/> (already bound to one cashbook) between two days.</summary>
    internal static async Task<CashbookSummary> SummaryAsync(IQueryable<CashbookEntry> entries, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sums = await entries.AsNoTracking().Where(e => !e.Deleted && e.OccurredOn >= from && e.OccurredOn <= to)
            .GroupBy(e => new { e.Kind, e.Paid })
            .Select(g => new { g.Key.Kind, g.Key.Paid, Amount = g.Sum(e => e.Amount) }).ToListAsync(ct);
        long Sum(CashbookKind kind, bool? paid = null) => sums.Where(s => s.Kind == kind && (paid is null || s.Paid == paid)).Sum(s => s.Amount);
        return CashbookSummary.From(Sum(CashbookKind.Sale), Sum(CashbookKind.Sale, false), Sum(CashbookKind.Expense), Sum(CashbookKind.DebtPayment));
    }
}
