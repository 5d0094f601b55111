using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses;

/// <summary>The agency's product categories: officers add, rename and retire them.</summary>
[Authorize(Policy = BusinessPolicies.ManageBusinesses)]
public sealed class CategoriesModel(BusinessCategories categories, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<CategoryRead> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Categories = await categories.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? name, CancellationToken ct)
    {
        var (_, errors) = await categories.AddAsync(name, ct);
        Tell(errors);
        return Redirect("/Usaha/Kategori");
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, string? name, bool retired, CancellationToken ct)
    {
        if (await categories.ChangeAsync(id, name, retired, ct) is not { } errors)
        {
            return NotFound();
        }
        Tell(errors);
        return Redirect("/Usaha/Kategori");
    }

    private void Tell(IReadOnlyList<FieldIssue> errors) =>
        TempData[errors.Count > 0 ? "Error" : "Message"] = errors.Count > 0 ? PersonsApi.Text(errors[0], L) : L["The categories were saved."].Value;
}
