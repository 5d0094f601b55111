using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>
/// The bulk orders offered to the owner's businesses (<c>/me/pesanan</c>): what, how many, for when and until when she
/// may answer; she accepts or declines an open one, once. An offer to any other business is not found.
/// </summary>
[Authorize(Policy = CataloguePolicies.Own)]
public sealed class MePesananModel(BulkOrderDesk desk, ProductBook book, CurrentUser me, IStringLocalizer<SharedResource> L) : PageModel
{
    private int Agency => me.AgencyId ?? 0;

    public IReadOnlyList<OwnOffer> Offers { get; private set; } = [];
    public bool HasBusiness { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await book.OwnBusinessIdsAsync(ct), ct);

    public async Task<IActionResult> OnPostAnswerAsync(long offerId, bool? accept, CancellationToken ct)
    {
        var own = await book.OwnBusinessIdsAsync(ct);
        await desk.SettleAsync(Agency, ct);
        if (await desk.OfferAsync(Agency, offerId, ct) is not { } offer || !own.Contains(offer.BusinessId))
        {
            return NotFound();
        }
        if (accept is null)
        {
            Error = L["Choose accept or decline."].Value;
        }
        else if (!await desk.AnswerAsync(offer, accept.Value, onBehalf: false, ct))
        {
            Error = L[BulkOrderRules.AnswerClosedMessage].Value;
        }
        if (Error is not null)
        {
            await LoadAsync(own, ct);
            return Page();
        }
        TempData["Message"] = accept!.Value
            ? L["You accepted the order. The office will contact you."].Value
            : L["You declined the order. It goes to the next business."].Value;
        return Redirect("/me/pesanan");
    }

    private async Task LoadAsync(IReadOnlyList<long> own, CancellationToken ct)
    {
        HasBusiness = own.Count > 0;
        Offers = await desk.OffersToAsync(Agency, own, ct);
    }
}
