using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs.Providers;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class CreateModel(ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    public string? RegencyCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => RegencyCode = await scope.AgencyRegencyAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        RegencyCode = await scope.AgencyRegencyAsync(ct);
        var check = ProviderFields.Check(Input, await scope.CurrentVillageAsync(ct));
        var errors = check.Errors;
        if (check.Values is { } values)
        {
            (var id, errors) = await writer.CreateProviderAsync(values, ct);
            if (id is not null)
            {
                TempData["Message"] = L["Provider {0} was saved.", values.Name].Value;
                return Redirect("/Programs/Providers");
            }
        }
        ProgramForm.AddErrors(errors, ModelState, L);
        return Page();
    }
}
