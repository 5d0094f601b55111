using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tunas.Web.Features.Businesses;

/// <summary>How far a cohort's graduates got on the permit path.</summary>
[Authorize(Policy = BusinessPolicies.ManageBusinesses)]
public sealed class CohortPermitsModel(BusinessReader reader) : PageModel
{
    public CohortPermits View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        if (await reader.CohortAsync(cohortId, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
