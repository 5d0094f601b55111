using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>
/// The facilitator's work list (<c>/Kunjungan</c>): open visits by due date, so that the overdue come first; the
/// overdue alone; or the answered. A plain page with links, light enough for a weak signal.
/// </summary>
[Authorize(Policy = FollowUpPolicies.Visits)]
public sealed class IndexModel(FollowUpScope scope) : PageModel
{
    public FollowUpPage Rows { get; private set; } = new([], 0, 1, FollowUpScope.PageSize);
    public FollowUpFilter Filter { get; private set; }
    public bool IsOfficer => scope.IsOfficer;

    public async Task<IActionResult> OnGetAsync(string? status, int? page, CancellationToken ct)
    {
        Filter = FollowUpScope.Filter(status) ?? FollowUpFilter.Due;
        Rows = await scope.ListAsync(Filter, page ?? 1, ct);
        return Page();
    }

    public string Link(FollowUpFilter filter, int page = 1) =>
        "/Kunjungan?status=" + BusinessFields.JsonNamingPolicyText(filter.ToString()) + (page > 1 ? "&page=" + BusinessFields.Text(page) : "");
}
