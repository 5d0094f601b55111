using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// Held applications beside the registry's person they claim: an officer verifies the claimant (released to the
/// selection as submitted) or rejects the claim, with a note (decisions 0016, 0021).
/// </summary>
[Authorize(Policy = Policies.RegistryReview)]
public sealed class HeldModel(HeldApplications held, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<HeldApplicationRow> Rows { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await held.ListAsync(200, ct);

    public async Task<IActionResult> OnPostReleaseAsync(long id, string? note, CancellationToken ct)
    {
        if (Invalid(note))
        {
            return await ShowAsync(ct);
        }
        switch (await held.ReleaseAsync(id, note!.Trim(), ct))
        {
            case ReleaseOutcome.Done:
                TempData["Message"] = L["The application was verified and joins the selection."].Value;
                return Redirect("/Applications/Held");
            case ReleaseOutcome.AlreadyApplied:
                Error = L["This resident already has an application in this program: reject this one."];
                return await ShowAsync(ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, string? note, CancellationToken ct)
    {
        if (Invalid(note))
        {
            return await ShowAsync(ct);
        }
        if (!await held.RejectAsync(id, note!.Trim(), ct))
        {
            return NotFound();
        }
        TempData["Message"] = L["The application was rejected."].Value;
        return Redirect("/Applications/Held");
    }

    private bool Invalid(string? note)
    {
        if (!string.IsNullOrWhiteSpace(note) && note.Length <= 500)
        {
            return false;
        }
        Error = L["Write a note on what was checked (at most 500 characters)."];
        return true;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Rows = await held.ListAsync(200, ct);
        return Page();
    }
}
