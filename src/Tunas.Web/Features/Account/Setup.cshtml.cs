using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Account;

/// <summary>One-time page that creates the first administrator; gone (404) as soon as any user exists.</summary>
[AllowAnonymous]
public sealed class SetupModel(TunasDb db, SetupState state, UserAdmin admin, AgencyService agencies, SignInManager<AppUser> signIn, UserManager<AppUser> users,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await state.HasUsersAsync(db, ct))
        {
            return NotFound();
        }
        var agency = await agencies.CurrentAsync(ct);
        Input.AgencyName = agency.Name == "Dinas" ? "" : agency.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await state.HasUsersAsync(db, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var agency = await agencies.CurrentAsync(ct);
        agency.Name = Input.AgencyName!.Trim();
        await db.SaveChangesAsync(ct);

        var result = await admin.CreateAsync(new NewUser(Input.Email, Input.Password, Roles.Administrator, null, null, Input.FullName), (null, "setup"), ct);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field switch { "email" => "Input.Email", "password" => "Input.Password", _ => "" }, message);
                }
            }
            return Page();
        }
        state.UserCreated();
        await signIn.SignInAsync((await users.FindByIdAsync(result.Id!))!, isPersistent: false);
        TempData["Message"] = L["The administrator was created. Now fill in the agency's settings."].Value;
        return Redirect("/Agency");
    }
}

public sealed class SetupInput
{
    [Required(ErrorMessage = "Fill in the agency's name.")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? AgencyName { get; set; }

    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Fill in the e-mail address.")]
    [EmailAddress(ErrorMessage = "Fill in a valid e-mail address.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Fill in a password.")]
    public string? Password { get; set; }
}
