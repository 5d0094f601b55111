using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Held;

public sealed record HeldPersonRow(long Id, string FullName, string VillageCode, DateTime CreatedAt);

/// <summary>
/// Held creates still open: an operator sees their own kelurahan's as awaiting a check (as a self-registered resident
/// is), an officer sees all of them with the way to resolve each (decision 0021).
/// </summary>
[Authorize(Policy = Policies.Registry)]
public sealed class IndexModel(HeldPersons held, CurrentUser me) : PageModel
{
    public IReadOnlyList<HeldPersonRow> Rows { get; private set; } = [];
    public bool CanResolve { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanResolve = RegistryAccess.OwnVillage(me) is null;
        Rows = await held.Open().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(200)
            .Select(p => new HeldPersonRow(p.Id, p.FullName, p.VillageCode, p.CreatedAt)).ToListAsync(ct);
    }
}
