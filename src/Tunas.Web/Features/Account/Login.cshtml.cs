using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> L) : PageModel
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
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is not null)
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            }
            if (result.IsLockedOut)
            {
                ModelState.AddModelError("", L["Too many failed attempts. This account is locked for a while; try again later or ask the administrator."]);
                return Page();
            }
        }
        // The same words for an unknown e-mail and a wrong password: the page does not tell which part was wrong.
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
