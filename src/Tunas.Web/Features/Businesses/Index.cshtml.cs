using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Businesses;

/// <summary>The businesses the user may see, by name, status, category and kelurahan.</summary>
[Authorize(Policy = BusinessPolicies.Businesses)]
public sealed class IndexModel(BusinessScope scope, BusinessReader reader, BusinessCategories categories, VillageNames villages) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public string? VillageCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public bool IsOfficer => scope.IsOfficer;
    public BusinessPage Result { get; private set; } = new([], 0);
    public IReadOnlyList<CategoryRead> Categories { get; private set; } = [];
    public IReadOnlyList<RegionSummary> Villages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Result = await reader.ListAsync(new BusinessFilter(Q, CategoryId, VillageCode, Status, PageNumber), ct);
        Categories = await categories.ListAsync(ct);
        Villages = await villages.OfAgencyAsync(ct);
    }

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["status"] = Status,
        ["categoryId"] = CategoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["villageCode"] = VillageCode,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToUriComponent() is var query ? "/Usaha" + query : "/Usaha";
}
