using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>"Masuk Peserta": the registration number and the PIN; the first time, or after a forgotten PIN, with the code from the trainer.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInModel(ParticipantSignIn check, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
{
    public const string WrongMessage = "The registration number, PIN or code is wrong.";

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Pin { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await check.CheckAsync(Login, Pin, Code, ct);
        if (result.Outcome == ParticipantSignInOutcome.Succeeded && result.User is { } user)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
            return LocalRedirect("/me");
        }
        Error = result.PinProblem is { } problem ? L[problem]
            : result.Outcome == ParticipantSignInOutcome.LockedOut ? L[AuthApi.LockedMessage] : L[WrongMessage];
        // A PIN is never sent back into the page.
        Pin = null;
        return Page();
    }
}
