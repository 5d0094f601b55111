using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Training;

/// <summary>The cohorts the user may see; officers also add cohorts and place a program's selected applicants.</summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class IndexModel(CohortScope scope, CohortReader reader, CohortPlacement placement, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record ProgramOption(int Id, string Name, int Year);

    public IReadOnlyList<CohortSummary> Cohorts { get; private set; } = [];
    public IReadOnlyList<ProgramOption> Programs { get; private set; } = [];
    public bool IsOfficer => scope.IsOfficer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cohorts = await reader.ListAsync(null, ct);
        if (IsOfficer)
        {
            Programs = await scope.Programs.AsNoTracking().Where(p => p.Status != ProgramStatus.Archived)
                .OrderByDescending(p => p.Year).ThenBy(p => p.Name).Select(p => new ProgramOption(p.Id, p.Name, p.Year)).ToListAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostPlaceAsync(int programId, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }
        if (!await scope.Programs.AnyAsync(p => p.Id == programId, ct))
        {
            return NotFound();
        }
        var result = await placement.PlaceAsync(programId, ct);
        if (result.Error is { } error)
        {
            TempData["Error"] = L[error].Value;
        }
        else
        {
            TempData["Message"] = L["{0} participants placed; {1} not placed.", result.Placed, result.Unplaced.Count].Value
                + string.Concat(result.Unplaced.Take(10).Select(u => " " + u.RegistrationNumber + ": " + L[u.Reason, u.Track].Value));
        }
        return Redirect("/Training");
    }
}
