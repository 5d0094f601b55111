using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training;

/// <summary>A cohort: sessions (to mark attendance), participants; officers also move, record drop-outs and remake sessions.</summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class DetailsModel(CohortScope scope, CohortReader reader, CohortWriter writer, CohortPlacement placement, IStringLocalizer<SharedResource> L,
    Participants.SignInCodeDesk codes, Participants.RatingBook ratings) : PageModel
{
    /// <summary>The sign-in code just given, shown once on this answer only (never kept in TempData).</summary>
    public (long ParticipantId, Participants.SignInCode Code)? Issued { get; private set; }

    /// <summary>The participants' ratings, for officers.</summary>
    public Participants.RatingSummary? Ratings { get; private set; }

    public CohortRead Cohort { get; private set; } = null!;
    public IReadOnlyList<CohortSummary> Others { get; private set; } = [];
    public bool IsOfficer => scope.IsOfficer;
    public DateOnly Today => scope.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        Cohort = cohort;
        if (IsOfficer)
        {
            Others = [.. (await reader.ListAsync(cohort.ProgramId, ct)).Where(c => c.Id != id)];
            Ratings = await ratings.SummaryAsync(scope.AgencyId, id, ct);
        }
        return Page();
    }

    /// <summary>A one-time sign-in code for a participant, for the trainer's screen (trainers of the provider and officers).</summary>
    public async Task<IActionResult> OnPostCodeAsync(int id, long participantId, CancellationToken ct)
    {
        if (await codes.IssueAsync(id, participantId, ct) is not { } code)
        {
            return NotFound();
        }
        var page = await OnGetAsync(id, ct);
        Issued = (participantId, code);
        return page;
    }

    public Task<IActionResult> OnPostMoveAsync(int id, long participantId, int? cohortId, CancellationToken ct) =>
        ActAsync(id, cohort => placement.MoveAsync(cohort, participantId, cohortId, ct), L["The participant was moved; a message with the new place is in the outbox."], ct);

    public Task<IActionResult> OnPostDropOutAsync(int id, long participantId, string? reason, CancellationToken ct) =>
        ActAsync(id, cohort => placement.DropOutAsync(cohort, participantId, reason, ct), L["The drop-out was recorded."], ct);

    public Task<IActionResult> OnPostGenerateAsync(int id, CancellationToken ct) =>
        ActAsync(id, cohort => writer.RegenerateSessionsAsync(cohort, ct), L["The sessions were made again from the track's modules."], ct);

    private async Task<IActionResult> ActAsync(int id, Func<Cohort, Task<IReadOnlyList<FieldIssue>>> act, string done, CancellationToken ct)
    {
        // Provider staff see the cohort but change only attendance: the same refusal as a page they may not open.
        if (!IsOfficer)
        {
            return Forbid();
        }
        if (await scope.FindAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        var errors = await act(cohort);
        if (errors.Count > 0)
        {
            TempData["Error"] = string.Join(" ", errors.Select(e => PersonsApi.Text(e, L)));
        }
        else
        {
            TempData["Message"] = done;
        }
        return Redirect($"/Training/{id}");
    }
}
