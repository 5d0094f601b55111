using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Businesses;

[Authorize(Policy = BusinessPolicies.ManageBusinesses)]
public sealed class EditModel(TunasDb db, BusinessScope scope, BusinessCategories categories, VillageNames villages, BusinessWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public BusinessInput Input { get; set; } = new();

    public long Id { get; private set; }
    public BusinessFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        Id = id;
        var category = await db.Set<BusinessCategory>().Where(c => c.AgencyId == business.AgencyId && c.Id == business.CategoryId).Select(c => c.Name).FirstAsync(ct);
        Input = BusinessFormView.From(business, category);
        Form = await BusinessFormView.LoadAsync(db, scope, categories, villages, Input, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        Id = id;
        var check = BusinessFields.Check(Input, await scope.ContextAsync(Input.OwnerPersonIds, categories, ct));
        if (check.Values is { } values)
        {
            await writer.UpdateAsync(business, values, ct);
            TempData["Message"] = L["Business {0} was saved.", values.Name].Value;
            return Redirect($"/Usaha/{id}");
        }
        ProgramForm.AddErrors(check.Errors, ModelState, L);
        Form = await BusinessFormView.LoadAsync(db, scope, categories, villages, Input, ct);
        return Page();
    }
}
