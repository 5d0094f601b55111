using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class CreateModel(UserAdmin admin, AgencyService agencies, CurrentUser me, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public CreateUserInput Input { get; set; } = new();

    public UserFormModel Form { get; private set; } = new(null, null, null, null, null);

    public async Task OnGetAsync(CancellationToken ct) => await FillFormAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await admin.CreateAsync(
                new NewUser(Input.Email, Input.Password, Input.Role, Input.VillageCode, Input.ProviderId, Input.FullName), (me.Id, me.Name ?? ""), ct);
            if (result.Succeeded)
            {
                TempData["Message"] = L["User {0} was created.", Input.Email!].Value;
                return Redirect("/Users");
            }
            UserErrors.CopyTo(result.Errors, ModelState);
        }
        await FillFormAsync(ct);
        return Page();
    }

    private async Task FillFormAsync(CancellationToken ct) =>
        Form = new UserFormModel(Input.FullName, Input.Role, Input.VillageCode, Input.ProviderId, (await agencies.CurrentAsync(ct)).RegencyCode);
}

public sealed class CreateUserInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? FullName { get; set; }
    public string? Role { get; set; }
    public string? VillageCode { get; set; }
    public int? ProviderId { get; set; }
}

internal static class UserErrors
{
    /// <summary>Puts the service's errors (API field names) next to the page's fields.</summary>
    public static void CopyTo(Dictionary<string, string[]> errors, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        foreach (var (field, messages) in errors)
        {
            var key = field.Length == 0 ? "" : "Input." + char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                state.AddModelError(key, message);
            }
        }
    }
}
