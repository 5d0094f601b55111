using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// An applicant checks their application: registration number and birth date in a posted form, never in the
/// address. A wrong number and a wrong birth date get the same answer.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Status)]
public sealed class StatusModel(ApplicationLookup lookup, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? RegistrationNumber { get; set; }

    [BindProperty]
    public string? BirthDate { get; set; }

    public FoundApplication? Found { get; private set; }

    public bool Unmatched { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(RegistrationNumber))
        {
            ModelState.AddModelError(nameof(RegistrationNumber), L["Fill in the registration number."]);
        }
        DateOnly birth = default;
        if (string.IsNullOrWhiteSpace(BirthDate))
        {
            ModelState.AddModelError(nameof(BirthDate), L[ApplicationMessages.BirthDateRequiredMessage]);
        }
        else if (!DateText.TryParse(BirthDate, out birth))
        {
            ModelState.AddModelError(nameof(BirthDate), L[PersonMessages.BirthDateInvalidMessage, BirthDate.Trim()]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await PublicRateLimits.RefusedPerNumberAsync(HttpContext, RegistrationNumber, ct))
        {
            return new EmptyResult();
        }
        Found = await lookup.FindAsync(RegistrationNumber, birth, ct);
        Unmatched = Found is null;
        return Page();
    }
}
