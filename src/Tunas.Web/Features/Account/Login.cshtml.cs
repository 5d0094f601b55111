using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class LoginModel(SignInCheck check, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, user) = await check.CheckAsync(Input.Email, Input.Password);
        if (outcome == SignInOutcome.Succeeded && user is not null)
        {
            await signIn.SignInWithClaimsAsync(user, Input.RememberMe, [new Claim("amr", "pwd")]);
            // Staff start at what waits for them, not on the public landing page.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Beranda");
        }
        if (outcome == SignInOutcome.LockedOut)
        {
            ModelState.AddModelError("", L[AuthApi.LockedMessage]);
            return Page();
        }
        // The same words for an unknown e-mail and any wrong password: the page does not tell which part was wrong.
        ModelState.AddModelError("", L["The e-mail or password is wrong."]);
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Fill in the e-mail address.")]
    [EmailAddress(ErrorMessage = "Fill in a valid e-mail address.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Fill in the password.")]
    public string? Password { get; set; }

    public bool RememberMe { get; set; }
}
