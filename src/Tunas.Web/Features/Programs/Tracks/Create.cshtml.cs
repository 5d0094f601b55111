using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs.Tracks;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class CreateModel(ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public TrackInput Input { get; set; } = new();

    [BindProperty]
    public string? Command { get; set; }

    public int Id { get; private set; }
    public string ProgramName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Show(program);
        Input = Input with { Modules = TrackForm.Rows(TrackFields.DefaultTemplate(L)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Show(program);
        if (TrackForm.Edit(Input, Command) is { } edited)
        {
            Input = edited;
            ModelState.Clear();
            return Page();
        }
        var check = TrackFields.Check(TrackForm.Posted(Input), skipEmptyRows: true);
        if (check.Values is not { } values)
        {
            ProgramForm.AddErrors(check.Errors, ModelState, L);
            return Page();
        }
        var (trackId, errors) = await writer.AddTrackAsync(program, values, ct);
        if (trackId is null)
        {
            ProgramForm.AddErrors(errors, ModelState, L);
            return Page();
        }
        TempData["Message"] = L["Track {0} was saved.", values.Name].Value;
        return Redirect($"/Programs/{id}#track-{trackId}");
    }

    private void Show(TrainingProgram program)
    {
        Id = program.Id;
        ProgramName = program.Name;
    }
}
