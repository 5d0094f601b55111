using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Catalogue;

public sealed record AwaitingProduct(long BusinessId, string Business, long ProductId, string Product, string Status);

/// <summary>
/// The catalogue's desk for officers (<c>/Katalog/Kelola</c>): products to curate, bulk orders entered for a city office
/// and who took them, answers for an owner after a phone call, and the city's spending that reached graduates' businesses.
/// </summary>
[Authorize(Policy = CataloguePolicies.Curate)]
public sealed class KelolaModel(TunasDb db, BulkOrderDesk desk, CitySpending spending, BusinessCategories categories, OrderClickCounts clicks, CurrentUser me,
    TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    private int Agency => me.AgencyId ?? 0;

    public IReadOnlyList<AwaitingProduct> Awaiting { get; private set; } = [];
    public IReadOnlyDictionary<long, ClickCount> BusinessClicks { get; private set; } = new Dictionary<long, ClickCount>();
    public IReadOnlyList<BulkOrderRead> Orders { get; private set; } = [];
    public IReadOnlyList<MonthlySpending> Spending { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];

    [BindProperty]
    public BulkOrderInput Order { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Awaiting = await (
            from p in db.Set<Product>().AsNoTracking()
            where p.AgencyId == Agency && p.Status != CurationStatus.Approved
            join b in db.Set<Business>() on new { p.AgencyId, Id = p.BusinessId } equals new { b.AgencyId, b.Id }
            orderby p.UpdatedAt
            select new AwaitingProduct(b.Id, b.Name, p.Id, p.Name, p.Status == CurationStatus.Pending ? "pending" : "needsWork")).Take(50).ToListAsync(ct);
        BusinessClicks = (await clicks.ForAsync(Agency, [.. Awaiting.Select(a => a.BusinessId).Distinct()], ct)).Businesses;
        Orders = await desk.ListAsync(Agency, null, ct);
        var today = clock.TodayInIndonesia();
        var month = new DateOnly(today.Year, today.Month, 1);
        Spending = await spending.MonthlyAsync(Agency, month.AddMonths(-11), month.AddMonths(1).AddDays(-1), ct);
        Categories = [.. (await categories.ActiveAsync(ct)).Keys.Order(StringComparer.Ordinal)];
    }

    public async Task<IActionResult> OnPostOrderAsync(CancellationToken ct)
    {
        var (values, errors) = BulkOrderRules.Check(Order, await categories.ActiveAsync(ct), clock.TodayInIndonesia());
        if (values is null)
        {
            TempData["Error"] = string.Join(" ", errors.Select(e => PersonsApi.Text(e, L)));
        }
        else
        {
            await desk.CreateAsync(Agency, values, me.Id, ct);
            TempData["Message"] = L["The bulk order was entered and offered to the first business in turn."].Value;
        }
        return Redirect("/Katalog/Kelola");
    }

    public async Task<IActionResult> OnPostAnswerAsync(long offerId, bool accept, CancellationToken ct)
    {
        await desk.SettleAsync(Agency, ct);
        if (await desk.OfferAsync(Agency, offerId, ct) is not { } offer)
        {
            return NotFound();
        }
        var done = await desk.AnswerAsync(offer, accept, onBehalf: true, ct);
        TempData[done ? "Message" : "Error"] = done ? L["The answer was recorded."].Value : L[BulkOrderRules.AnswerClosedMessage].Value;
        return Redirect("/Katalog/Kelola");
    }
}
