using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class CreateModel(ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public ProgramInput Input { get; set; } = new();

    public void OnGet()
    {
        Input = Input with { Year = scope.Today.Year.ToString(CultureInfo.InvariantCulture) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = ProgramFields.Check(Input with { Status = null, Seed = null }, scope.Today);
        if (check.Values is not { } values)
        {
            ProgramForm.AddErrors(check.Errors, ModelState, L);
            return Page();
        }
        var id = await writer.CreateAsync(values, ct);
        TempData["Message"] = L["Program {0} was saved.", values.Name].Value;
        return Redirect($"/Programs/{id}");
    }
}
