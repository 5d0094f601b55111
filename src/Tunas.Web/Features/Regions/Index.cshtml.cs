using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Regions;

public sealed class IndexModel(TunasDb db, RegionDirectory directory, IHomeRegency home, IStringLocalizer<SharedResource> L) : PageModel
{
    public RegionStats Stats { get; private set; } = new(0, 0, 0, 0);
    public List<RegionSearchHit>? Hits { get; private set; }
    public string? Agency { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stats = (await RegionsApi.GetStatsAsync(db, ct)).Value!;
        Agency = await home.RegencyCodeAsync(ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var result = await RegionsApi.SearchAsync(Q, null, null, 30, db, directory, L, ct);
            Hits = result.Result is Ok<List<RegionSearchHit>> ok ? ok.Value : [];
        }
    }
}
