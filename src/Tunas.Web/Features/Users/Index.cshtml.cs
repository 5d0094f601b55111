using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(UserAdmin admin, TunasDb db) : PageModel
{
    public List<UserSummary> Users { get; private set; } = [];
    public Dictionary<string, string> VillageNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await admin.ListAsync(ct);
        var codes = Users.Where(u => u.VillageCode is not null).Select(u => u.VillageCode!).Distinct().ToList();
        VillageNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
