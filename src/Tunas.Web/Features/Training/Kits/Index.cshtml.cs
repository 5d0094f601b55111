using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>A cohort's starter kits: who received one, with receipt and proof; officers void a hand-over.</summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class IndexModel(CohortReader reader, KitHandovers handovers, CohortScope scope, IStringLocalizer<SharedResource> L) : PageModel
{
    public CohortRead Cohort { get; private set; } = null!;
    public IReadOnlyList<KitHandoverRead> Handovers { get; private set; } = [];
    public bool IsOfficer => scope.IsOfficer;

    public KitHandoverRead? Standing(long participantId) => Handovers.FirstOrDefault(h => h.ParticipantId == participantId && h.VoidedAt is null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } cohort || await handovers.ListAsync(id, null, ct) is not { } list)
        {
            return NotFound();
        }
        (Cohort, Handovers) = (cohort, list);
        return Page();
    }

    public async Task<IActionResult> OnPostVoidAsync(int id, long handoverId, string? reason, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }
        if (await handovers.VoidAsync(id, handoverId, reason, ct) is not { } errors)
        {
            return NotFound();
        }
        TempData[errors.Count > 0 ? "Error" : "Message"] = errors.Count > 0
            ? string.Join(" ", errors.Select(e => PersonsApi.Text(e, L)))
            : L["The hand-over was voided."].Value;
        return Redirect($"/Training/{id}/Kits");
    }
}
