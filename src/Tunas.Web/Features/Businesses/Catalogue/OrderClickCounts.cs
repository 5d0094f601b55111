using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>Order clicks this month (in Western Indonesia's calendar) and in all, for one business or one product.</summary>
public sealed record ClickCount(int ThisMonth, int Total)
{
    public static readonly ClickCount None = new(0, 0);
}

/// <summary>
/// How many times the catalogue's order button was pressed for the given businesses, by business and by product:
/// for the owner's own page and the officers' product pages. Read from the index (AgencyId, BusinessId, ClickedAt).
/// </summary>
public sealed class OrderClickCounts(TunasDb db, TimeProvider clock)
{
    public async Task<(IReadOnlyDictionary<long, ClickCount> Businesses, IReadOnlyDictionary<long, ClickCount> Products)> ForAsync(
        int agencyId, IReadOnlyCollection<long> businessIds, CancellationToken ct = default)
    {
        // An empty list is not asked: SQLite would drop the whole condition, the agency's with it.
        if (businessIds.Count == 0)
        {
            return (new Dictionary<long, ClickCount>(), new Dictionary<long, ClickCount>());
        }
        var since = clock.MonthStartInIndonesia();
        var rows = await db.Set<OrderClick>().AsNoTracking()
            .Where(c => c.AgencyId == agencyId && businessIds.Contains(c.BusinessId))
            .GroupBy(c => new { c.BusinessId, c.ProductId })
            .Select(g => new { g.Key.BusinessId, g.Key.ProductId, Month = g.Count(c => c.ClickedAt >= since), Total = g.Count() })
            .ToListAsync(ct);
        return (
            rows.GroupBy(r => r.BusinessId).ToDictionary(g => g.Key, g => new ClickCount(g.Sum(r => r.Month), g.Sum(r => r.Total))),
            rows.ToDictionary(r => r.ProductId, r => new ClickCount(r.Month, r.Total)));
    }
}
