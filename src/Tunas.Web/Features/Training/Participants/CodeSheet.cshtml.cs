using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>
/// The cohort's sign-in sheet, to print and cut into slips: each participant's login and a fresh one-time code. Made
/// on a post only, since making it replaces every earlier code of the cohort.
/// </summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class CodeSheetModel(CohortReader reader, SignInCodeDesk desk) : PageModel
{
    public CohortRead Cohort { get; private set; } = null!;

    /// <summary>Null until the sheet is made.</summary>
    public IReadOnlyList<SheetLine>? Lines { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        Cohort = cohort;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } cohort || await desk.IssueAllAsync(id, ct) is not { } lines)
        {
            return NotFound();
        }
        (Cohort, Lines) = (cohort, lines);
        return Page();
    }
}
