using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs.Providers;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class EditModel(ProgramScope scope, ProgramReader reader, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    public string? RegencyCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reader.ProviderAsync(id, ct) is not { } provider)
        {
            return NotFound();
        }
        RegencyCode = await scope.AgencyRegencyAsync(ct);
        Input = provider.ToInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await scope.Providers.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } provider)
        {
            return NotFound();
        }
        RegencyCode = await scope.AgencyRegencyAsync(ct);
        var check = ProviderFields.Check(Input, await scope.CurrentVillageAsync(ct));
        var errors = check.Errors;
        if (check.Values is { } values)
        {
            errors = await writer.UpdateProviderAsync(provider, values, ct);
            if (errors.Count == 0)
            {
                TempData["Message"] = L["Provider {0} was saved.", values.Name].Value;
                return Redirect("/Programs/Providers");
            }
        }
        ProgramForm.AddErrors(errors, ModelState, L);
        return Page();
    }
}
