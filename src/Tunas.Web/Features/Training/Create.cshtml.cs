using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Training;

[Authorize(Policy = TrainingPolicies.ManageCohorts)]
public sealed class CreateModel(TunasDb db, CohortScope scope, CohortWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ProgramId { get; set; }

    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public string ProgramName { get; private set; } = "";
    public CohortFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var check = CohortFields.Check(Input, await scope.ContextAsync(ProgramId, ct));
        var errors = check.Errors;
        if (check.Values is { } values)
        {
            (var id, errors) = await writer.CreateAsync(ProgramId, values, ct);
            if (id is { } created)
            {
                TempData["Message"] = L["Cohort {0} was saved.", values.Name].Value;
                return Redirect($"/Training/{created}");
            }
        }
        ProgramForm.AddErrors(errors, ModelState, L);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var name = await scope.Programs.Where(p => p.Id == ProgramId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return false;
        }
        ProgramName = name;
        Form = await CohortFormView.LoadAsync(db, scope, ProgramId, Input, ct);
        return true;
    }
}
