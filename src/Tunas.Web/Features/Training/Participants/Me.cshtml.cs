using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>"Pelatihan Saya": the signed-in participant's own cohort, sessions with their attendance, and the rating.</summary>
[Authorize(Policy = ParticipantPolicies.Self)]
public sealed class MeModel(MyTraining mine, ParticipantSelf self, RatingBook book, TunasDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Null for a participant not (or no longer) placed: the page says so kindly.</summary>
    public MeRead? Me { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Me = await mine.ReadAsync(ct);

    public async Task<IActionResult> OnPostRateAsync(int? training, int? trainer, string? comment, CancellationToken ct)
    {
        if (await self.FindAsync(ct) is not { } me
            || await db.Set<Cohort>().AsNoTracking().FirstOrDefaultAsync(c => c.AgencyId == me.AgencyId && c.Id == me.CohortId, ct) is not { } cohort)
        {
            return NotFound();
        }
        var outcome = await book.RateAsync(me, cohort, new RatingInput(training, trainer, comment), ct);
        if (outcome.Refusal == RatingRefusal.None)
        {
            TempData["Message"] = L["Thank you for your rating."].Value;
            return Redirect("/me");
        }
        Error = string.Join(" ", outcome.Errors.Select(e => PersonsApi.Text(e, L)));
        Me = await mine.ReadAsync(ct);
        return Page();
    }
}
