using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Businesses;

[Authorize(Policy = BusinessPolicies.ManageBusinesses)]
public sealed class CreateModel(TunasDb db, BusinessScope scope, BusinessCategories categories, VillageNames villages, BusinessWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public BusinessInput Input { get; set; } = new() { Status = "active" };

    public BusinessFormView Form { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Form = await BusinessFormView.LoadAsync(db, scope, categories, villages, Input, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = BusinessFields.Check(Input, await scope.ContextAsync(Input.OwnerPersonIds, categories, ct));
        if (check.Values is { } values)
        {
            var id = await writer.CreateAsync(values, ct);
            TempData["Message"] = L["Business {0} was saved.", values.Name].Value;
            return Redirect($"/Usaha/{id}");
        }
        ProgramForm.AddErrors(check.Errors, ModelState, L);
        Form = await BusinessFormView.LoadAsync(db, scope, categories, villages, Input, ct);
        return Page();
    }
}
