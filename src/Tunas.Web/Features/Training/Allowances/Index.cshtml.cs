using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Allowances;

/// <summary>A cohort's transport allowance list; officers mark it paid. Trainers of the provider may look.</summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class IndexModel(AllowanceBook book, CohortScope scope, IStringLocalizer<SharedResource> L) : PageModel
{
    public AllowanceSheet Sheet { get; private set; } = null!;
    public bool IsOfficer => scope.IsOfficer;
    public DateOnly Today => scope.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await book.ReadAsync(id, ct) is not { } sheet)
        {
            return NotFound();
        }
        Sheet = sheet;
        return Page();
    }

    public async Task<IActionResult> OnPostPaidAsync(int id, string? paidOn, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }
        if (await book.MarkPaidAsync(id, paidOn, ct) is not { } result)
        {
            return NotFound();
        }
        if (result.Paid is null)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => PersonsApi.Text(e, L)));
        }
        else
        {
            TempData["Message"] = L["The transport allowance was marked paid."].Value;
        }
        return Redirect($"/Training/{id}/Allowances");
    }
}
