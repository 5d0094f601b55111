using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Selection;

/// <summary>The public appeal form: registration number and birth date (never the NIK), and the objection.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Appeal)]
public sealed class AppealModel(SelectionDesk desk, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Type the registration number.")]
    public string? RegistrationNumber { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Type the birth date.")]
    public string? BirthDate { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Write the reason for the appeal (at least 10 characters).")]
    [StringLength(2000)]
    public string? Text { get; set; }

    public bool Lodged { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Every field is checked before the number is looked up, so that only "found" and "not found" depend on it.
        DateOnly birth = default;
        if (!string.IsNullOrWhiteSpace(BirthDate) && !DateText.TryParse(BirthDate, out birth))
        {
            ModelState.AddModelError(nameof(BirthDate), L[SelectionPageMessages.NumberAndBirthDateMessage]);
        }
        if (!string.IsNullOrWhiteSpace(Text) && SelectionDesk.AppealText(Text) is null)
        {
            ModelState.AddModelError(nameof(Text), L[SelectionDeskMessages.AppealTextMessage]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await PublicRateLimits.RefusedPerNumberAsync(HttpContext, RegistrationNumber, ct))
        {
            return new EmptyResult();
        }
        var result = await desk.LodgeAppealAsync(RegistrationNumber!.Trim().ToUpperInvariant(), birth, Text, ct);
        switch (result.Outcome)
        {
            case DeskOutcome.Done:
                Lodged = true;
                return Page();
            case DeskOutcome.NotFound:
                ModelState.AddModelError(string.Empty, L[SelectionPageMessages.NotFoundByNumberMessage]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, string.Format(CultureInfo.CurrentCulture, L[result.Message!], result.Args ?? []));
                return Page();
        }
    }
}
