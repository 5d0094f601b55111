using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>
/// The cashbook on her phone (<c>/me/kas</c>): a shell that cashbook.js fills from IndexedDB at once and keeps in
/// step with the API when there is a connection; every entry is written on the phone first, so nothing waits for signal.
/// </summary>
[Authorize(Policy = CashbookPolicies.Own)]
public sealed class KasModel(CashbookBook book) : PageModel
{
    public bool HasCashbook { get; private set; }
    public bool Sharing { get; private set; }
    public long Owner { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        HasCashbook = await book.OpenAsync(ct);
        if (HasCashbook)
        {
            Sharing = await book.SharingAsync(ct);
            Owner = book.ParticipantId;
        }
    }
}
