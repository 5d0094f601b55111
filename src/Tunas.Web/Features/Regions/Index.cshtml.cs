using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Regions;

public sealed class IndexModel(RegionDirectory directory, IHomeRegency home, IStringLocalizer<SharedResource> L) : PageModel
{
    public RegionStats Stats { get; private set; } = new(0, 0, 0, 0);
    public List<RegionSearchHit>? Hits { get; private set; }
    public string? Agency { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var index = await directory.IndexAsync(ct);
        Stats = index.Stats;
        Agency = await home.RegencyCodeAsync(ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Hits = RegionsApi.Validate(Q, null, L) is null ? index.Search(SearchText.Key(Q), null, null, 30) : [];
        }
    }
}
