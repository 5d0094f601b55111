using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record BulkOrderRead(
    long Id, string Office, string Category, int Quantity, DateOnly NeededOn, string Description, long Budget, string Status,
    long? TakenByBusinessId, string? TakenBy, DateTime? TakenAt, BulkOfferRead? Current, IReadOnlyList<BulkOfferRead> Offers);

public sealed record BulkOfferRead(long Id, long BulkOrderId, long BusinessId, string Business, DateTime OfferedAt, DateTime AnswerBy, string Answer, DateTime? AnsweredAt, bool OnBehalf);

/// <summary>An offer to one of the owner's businesses, with what the office orders, as her own page shows it.</summary>
public sealed record OwnOffer(
    long Id, long BusinessId, string Business, string Office, string Category, int Quantity, DateOnly NeededOn, string Description, long Budget,
    DateTime OfferedAt, DateTime AnswerBy, string Answer, DateTime? AnsweredAt, bool OnBehalf);

/// <summary>
/// Bulk orders of the city's offices, offered to one eligible business at a time: active, consenting to the catalogue,
/// of the order's category, with an approved product. The next in turn is the one offered an order longest ago (never
/// first), then the lowest id, so that the same business does not always win. A decline or an offer left unanswered past
/// <see cref="BulkOrderRules.AnswerWithin"/> moves the order on; lapses are settled whenever orders or offers are read.
/// </summary>
public sealed class BulkOrderDesk(TunasDb db, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<long> CreateAsync(int agencyId, BulkOrderValues values, string? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = new BulkOrder
        {
            AgencyId = agencyId,
            Office = values.Office,
            CategoryId = values.CategoryId,
            Quantity = values.Quantity,
            NeededOn = values.NeededOn,
            Description = values.Description,
            Budget = values.Budget,
            Status = BulkOrderStatus.Offering,
            CreatedById = userId,
            CreatedAt = Now,
        };
        return await db.InOneTransactionAsync(async () =>
        {
            db.Add(order);
            await db.SaveChangesAsync(ct);
            audit.Record("catalogue.bulk-order-added", "BulkOrder", BusinessFields.Text(order.Id),
                new { office = order.Office, categoryId = order.CategoryId, quantity = order.Quantity, neededOn = order.NeededOn, budget = order.Budget });
            await OfferNextAsync(order, ct);
            await db.SaveChangesAsync(ct);
            return order.Id;
        }, ct);
    }

    /// <summary>The eligible businesses in the order they are offered, the ones already offered this order left out.</summary>
    public IQueryable<long> Queue(BulkOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var offers = db.Set<BulkOrderOffer>();
        return
            from b in db.Set<Business>()
            where b.AgencyId == order.AgencyId && b.Status == BusinessStatus.Active && b.CatalogueConsent && b.CategoryId == order.CategoryId
                && db.Set<Product>().Any(p => p.AgencyId == b.AgencyId && p.BusinessId == b.Id && p.Status == CurationStatus.Approved)
                && !offers.Any(o => o.AgencyId == b.AgencyId && o.BulkOrderId == order.Id && o.BusinessId == b.Id)
            let last = offers.Where(o => o.AgencyId == b.AgencyId && o.BusinessId == b.Id).Max(o => (DateTime?)o.OfferedAt)
            orderby last != null, last, b.Id
            select b.Id;
    }

    /// <summary>
    /// Lets offers past their time lapse and moves their orders on, in one transaction. Each lapse is claimed by an
    /// update that only changes a still-pending offer: two readers settling at once (two phones, two instances) lapse
    /// an offer once and offer its order to the next business once. Nothing due, nothing written.
    /// </summary>
    public async Task SettleAsync(int agencyId, CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.Set<BulkOrderOffer>().AsNoTracking()
            .Where(o => o.AgencyId == agencyId && o.Answer == OfferAnswer.Pending && o.AnswerBy < now)
            .Select(o => new { o.Id, o.BulkOrderId, o.BusinessId }).ToListAsync(ct);
        if (due.Count == 0)
        {
            return;
        }
        await db.InOneTransactionAsync(async () =>
        {
            var moved = new List<long>();
            foreach (var offer in due)
            {
                var claimed = await db.Set<BulkOrderOffer>()
                    .Where(o => o.AgencyId == agencyId && o.Id == offer.Id && o.Answer == OfferAnswer.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.Answer, OfferAnswer.Lapsed).SetProperty(o => o.AnsweredAt, now), ct);
                if (claimed == 1)
                {
                    audit.Record("catalogue.offer-lapsed", "BulkOrder", BusinessFields.Text(offer.BulkOrderId), new { business = offer.BusinessId });
                    moved.Add(offer.BulkOrderId);
                }
            }
            await db.SaveChangesAsync(ct);
            foreach (var order in await db.Set<BulkOrder>().Where(o => o.AgencyId == agencyId && moved.Contains(o.Id) && o.Status == BulkOrderStatus.Offering).ToListAsync(ct))
            {
                await OfferNextAsync(order, ct);
                await db.SaveChangesAsync(ct);
            }
        }, ct);
    }

    /// <summary>
    /// The owner's (or, after a phone call, the staff's) answer to an offer; false when the offer is no longer open.
    /// </summary>
    public async Task<bool> AnswerAsync(BulkOrderOffer offer, bool accept, bool onBehalf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var order = await db.Set<BulkOrder>().SingleAsync(o => o.AgencyId == offer.AgencyId && o.Id == offer.BulkOrderId, ct);
        if (offer.Answer != OfferAnswer.Pending || offer.AnswerBy < Now || order.Status != BulkOrderStatus.Offering)
        {
            return false;
        }
        (offer.Answer, offer.AnsweredAt, offer.OnBehalf) = (accept ? OfferAnswer.Accepted : OfferAnswer.Declined, Now, onBehalf);
        audit.Record(accept ? "catalogue.offer-accepted" : "catalogue.offer-declined", "BulkOrder", BusinessFields.Text(order.Id),
            new { business = offer.BusinessId, onBehalf });
        if (accept)
        {
            (order.Status, order.TakenByBusinessId, order.TakenAt) = (BulkOrderStatus.Taken, offer.BusinessId, Now);
        }
        else
        {
            await db.SaveChangesAsync(ct);
            await OfferNextAsync(order, ct);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<BulkOrderOffer?> OfferAsync(int agencyId, long offerId, CancellationToken ct = default) =>
        await db.Set<BulkOrderOffer>().FirstOrDefaultAsync(o => o.AgencyId == agencyId && o.Id == offerId, ct);

    public async Task<IReadOnlyList<BulkOrderRead>> ListAsync(int agencyId, long? orderId = null, CancellationToken ct = default)
    {
        await SettleAsync(agencyId, ct);
        var orders = await db.Set<BulkOrder>().AsNoTracking().Where(o => o.AgencyId == agencyId && (orderId == null || o.Id == orderId))
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(100)
            .Select(o => new { Order = o, Category = db.Set<BusinessCategory>().Where(c => c.AgencyId == o.AgencyId && c.Id == o.CategoryId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = orders.Select(o => o.Order.Id).ToList();
        var offers = (await OffersAsync(agencyId, o => ids.Contains(o.BulkOrderId), ct)).ToLookup(o => o.BulkOrderId);
        return [.. orders.Select(o =>
        {
            var list = offers[o.Order.Id].OrderBy(x => x.OfferedAt).ThenBy(x => x.Id).ToList();
            return new BulkOrderRead(
                o.Order.Id, o.Order.Office, o.Category ?? "", o.Order.Quantity, o.Order.NeededOn, o.Order.Description, o.Order.Budget,
                BusinessFields.JsonNamingPolicyText(o.Order.Status.ToString()), o.Order.TakenByBusinessId,
                list.FirstOrDefault(x => x.BusinessId == o.Order.TakenByBusinessId)?.Business, o.Order.TakenAt,
                list.LastOrDefault(x => x.Answer == "pending"), list);
        })];
    }

    /// <summary>The open offers to the given businesses (an owner's own), lapses settled first.</summary>
    public async Task<IReadOnlyList<(BulkOfferRead Offer, BulkOrderRead Order)>> OpenOffersAsync(int agencyId, IReadOnlyCollection<long> businessIds, CancellationToken ct = default)
    {
        await SettleAsync(agencyId, ct);
        var open = await OffersAsync(agencyId, o => businessIds.Contains(o.BusinessId) && o.Answer == OfferAnswer.Pending, ct);
        var result = new List<(BulkOfferRead, BulkOrderRead)>();
        foreach (var offer in open)
        {
            result.Add((offer, (await ListAsync(agencyId, offer.BulkOrderId, ct)).Single()));
        }
        return result;
    }

    /// <summary>Every offer made to the given businesses (an owner's own), the latest first, with its order; lapses settled first.</summary>
    public async Task<IReadOnlyList<OwnOffer>> OffersToAsync(int agencyId, IReadOnlyCollection<long> businessIds, CancellationToken ct = default)
    {
        // An empty list is not asked: SQLite would drop the whole condition, the agency's with it.
        if (businessIds.Count == 0)
        {
            return [];
        }
        await SettleAsync(agencyId, ct);
        var rows = await (
            from o in db.Set<BulkOrderOffer>().AsNoTracking()
            where o.AgencyId == agencyId && businessIds.Contains(o.BusinessId)
            join r in db.Set<BulkOrder>() on new { o.AgencyId, Id = o.BulkOrderId } equals new { r.AgencyId, r.Id }
            join b in db.Set<Business>() on new { o.AgencyId, Id = o.BusinessId } equals new { b.AgencyId, b.Id }
            orderby o.OfferedAt descending, o.Id descending
            select new
            {
                Offer = o,
                Business = b.Name,
                r.Office,
                Category = db.Set<BusinessCategory>().Where(c => c.AgencyId == r.AgencyId && c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
                r.Quantity,
                r.NeededOn,
                r.Description,
                r.Budget,
            }).Take(50).ToListAsync(ct);
        return [.. rows.Select(x => new OwnOffer(
            x.Offer.Id, x.Offer.BusinessId, x.Business, x.Office, x.Category ?? "", x.Quantity, x.NeededOn, x.Description, x.Budget,
            x.Offer.OfferedAt, x.Offer.AnswerBy, BusinessFields.JsonNamingPolicyText(x.Offer.Answer.ToString()), x.Offer.AnsweredAt, x.Offer.OnBehalf))];
    }

    private async Task<List<BulkOfferRead>> OffersAsync(int agencyId, System.Linq.Expressions.Expression<Func<BulkOrderOffer, bool>> filter, CancellationToken ct)
    {
        var rows = await (
            from o in db.Set<BulkOrderOffer>().AsNoTracking().Where(o => o.AgencyId == agencyId).Where(filter)
            join b in db.Set<Business>() on new { o.AgencyId, Id = o.BusinessId } equals new { b.AgencyId, b.Id }
            select new { Offer = o, b.Name }).ToListAsync(ct);
        return [.. rows.Select(r => new BulkOfferRead(r.Offer.Id, r.Offer.BulkOrderId, r.Offer.BusinessId, r.Name, r.Offer.OfferedAt, r.Offer.AnswerBy,
            BusinessFields.JsonNamingPolicyText(r.Offer.Answer.ToString()), r.Offer.AnsweredAt, r.Offer.OnBehalf))];
    }

    private async Task OfferNextAsync(BulkOrder order, CancellationToken ct)
    {
        if (await Queue(order).Select(id => (long?)id).FirstOrDefaultAsync(ct) is not { } next)
        {
            order.Status = BulkOrderStatus.Unfilled;
            audit.Record("catalogue.bulk-order-unfilled", "BulkOrder", BusinessFields.Text(order.Id));
            return;
        }
        db.Add(new BulkOrderOffer
        {
            AgencyId = order.AgencyId,
            BulkOrderId = order.Id,
            BusinessId = next,
            OfferedAt = Now,
            AnswerBy = Now + BulkOrderRules.AnswerWithin,
            Answer = OfferAnswer.Pending,
        });
        audit.Record("catalogue.offered", "BulkOrder", BusinessFields.Text(order.Id), new { business = next });
    }
}
