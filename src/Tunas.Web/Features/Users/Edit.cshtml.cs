using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(UserAdmin admin, UserManager<AppUser> users, AgencyService agencies, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public EditUserInput Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public UserFormModel Form { get; private set; } = new(null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        Input = new EditUserInput
        {
            FullName = user.FullName,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault(),
            VillageCode = user.VillageCode,
            ProviderId = user.ProviderId,
            Locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow,
        };
        await FillAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var result = await admin.ChangeAsync(id, new UserChange(Input.Role, Input.VillageCode, Input.ProviderId, Input.FullName, Input.Locked, Input.NewPassword), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = L["User {0} was saved.", user.Email ?? ""].Value;
            return Redirect("/Users");
        }
        UserErrors.CopyTo(result.Errors.ToDictionary(kv => kv.Key == "password" ? "newPassword" : kv.Key, kv => kv.Value), ModelState);
        await FillAsync(user, ct);
        return Page();
    }

    private async Task FillAsync(AppUser user, CancellationToken ct)
    {
        Email = user.Email ?? "";
        Form = new UserFormModel(Input.FullName, Input.Role, Input.VillageCode, Input.ProviderId, (await agencies.CurrentAsync(ct)).RegencyCode);
    }
}

public sealed class EditUserInput
{
    public string? FullName { get; set; }
    public string? Role { get; set; }
    public string? VillageCode { get; set; }
    public int? ProviderId { get; set; }
    public bool Locked { get; set; }
    public string? NewPassword { get; set; }
}
