using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class EditModel(ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public ProgramInput Input { get; set; } = new();

    public int Id { get; private set; }

    public bool SeedLocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Id = id;
        SeedLocked = ProgramFields.SeedLocked(program, scope.Today);
        Input = ProgramForm.From(program);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Id = id;
        SeedLocked = ProgramFields.SeedLocked(program, scope.Today);
        if (SeedLocked)
        {
            Input = Input with { Seed = null }; // not on the form: the stored one stays
        }
        var check = ProgramFields.Check(Input, scope.Today, program);
        if (check.Values is not { } values)
        {
            ProgramForm.AddErrors(check.Errors, ModelState, L);
            Input = Input with { Seed = Input.Seed ?? program.Seed };
            return Page();
        }
        await writer.UpdateAsync(program, values, ct);
        TempData["Message"] = L["Program {0} was saved.", values.Name].Value;
        return Redirect($"/Programs/{id}");
    }
}
