using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record MonthlySpending(int Year, int Month, long Amount, int Orders, int Businesses);

/// <summary>
/// How much of the city's own spending reached graduates' businesses, month by month: the budgets of bulk orders a
/// business accepted, by the month it took them. The impact dashboard reads this too.
/// </summary>
public sealed class CitySpending(TunasDb db)
{
    public async Task<IReadOnlyList<MonthlySpending>> MonthlyAsync(int agencyId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var taken = await db.Set<BulkOrder>().AsNoTracking()
            .Where(o => o.AgencyId == agencyId && o.Status == BulkOrderStatus.Taken && o.TakenAt >= start && o.TakenAt < end)
            .Select(o => new { o.TakenAt, o.Budget, o.TakenByBusinessId }).ToListAsync(ct);
        return [.. taken
            .GroupBy(o => (o.TakenAt!.Value.Year, o.TakenAt.Value.Month))
            .OrderBy(g => g.Key)
            .Select(g => new MonthlySpending(g.Key.Year, g.Key.Month, g.Sum(o => o.Budget), g.Count(), g.Select(o => o.TakenByBusinessId).Distinct().Count()))];
    }
}
