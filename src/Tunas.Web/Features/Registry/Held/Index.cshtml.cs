using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Held;

public sealed record HeldPersonRow(long Id, string FullName, string VillageCode, DateTime CreatedAt);

/// <summary>
/// Held creates still open, for the officers who resolve them (decision 0021). Kelurahan operators are refused: a
/// list of their held entries would tell them which NIKs live elsewhere, where a new resident's create tells nothing.
/// </summary>
[Authorize(Policy = Policies.RegistryReview)]
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
