using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Training;

/// <summary>Changes one session of a cohort: its day, title and hours.</summary>
[Authorize(Policy = TrainingPolicies.ManageCohorts)]
public sealed class SessionModel(TunasDb db, CohortScope scope, CohortWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record SessionForm
    {
        public string? Date { get; init; }
        public string? Title { get; init; }
        public string? Hours { get; init; }
    }

    [BindProperty]
    public SessionForm Input { get; set; } = new();

    public int CohortId { get; private set; }
    public string CohortName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, long sessionId, CancellationToken ct)
    {
        if (await FindAsync(id, sessionId, ct) is not { } found)
        {
            return NotFound();
        }
        Input = new SessionForm { Date = Shared.DateText.Iso(found.Session.Date), Title = found.Session.Title, Hours = CohortWriter.Text(found.Session.Hours) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, long sessionId, CancellationToken ct)
    {
        if (await FindAsync(id, sessionId, ct) is not { } found)
        {
            return NotFound();
        }
        var errors = await writer.UpdateSessionAsync(found.Cohort, found.Session, new SessionInput(Input.Date, Input.Title, int.TryParse(Input.Hours, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hours) ? hours : -1), ct);
        if (errors.Count == 0)
        {
            TempData["Message"] = L["The session was saved."].Value;
            return Redirect($"/Training/{id}");
        }
        ProgramForm.AddErrors(errors, ModelState, L);
        return Page();
    }

    private async Task<(Cohort Cohort, CohortSession Session)?> FindAsync(int id, long sessionId, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort
            || await db.Set<CohortSession>().FirstOrDefaultAsync(s => s.AgencyId == cohort.AgencyId && s.Id == sessionId && s.CohortId == id, ct) is not { } session)
        {
            return null;
        }
        (CohortId, CohortName) = (cohort.Id, cohort.Name);
        return (cohort, session);
    }
}
