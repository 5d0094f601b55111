using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Training;

[Authorize(Policy = TrainingPolicies.ManageCohorts)]
public sealed class EditModel(TunasDb db, CohortScope scope, CohortWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public int Id { get; private set; }
    public CohortFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        Id = id;
        Input = CohortFormView.From(cohort);
        Form = await CohortFormView.LoadAsync(db, scope, cohort.ProgramId, Input, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        Id = id;
        var check = CohortFields.Check(Input, await scope.ContextAsync(cohort.ProgramId, ct));
        var errors = check.Values is { } values ? await writer.UpdateAsync(cohort, values, ct) : check.Errors;
        if (errors.Count == 0)
        {
            TempData["Message"] = L["Cohort {0} was saved.", cohort.Name].Value;
            return Redirect($"/Training/{id}");
        }
        ProgramForm.AddErrors(errors, ModelState, L);
        Form = await CohortFormView.LoadAsync(db, scope, cohort.ProgramId, Input, ct);
        return Page();
    }
}
