using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs.Tracks;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class EditModel(ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public TrackInput Input { get; set; } = new();

    [BindProperty]
    public string? Command { get; set; }

    public int Id { get; private set; }
    public int TrackId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public string? DeleteError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int trackId, CancellationToken ct)
    {
        if (await FindAsync(id, trackId, ct) is not { } found)
        {
            return NotFound();
        }
        Input = TrackForm.From(found.Track);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int trackId, CancellationToken ct)
    {
        if (await FindAsync(id, trackId, ct) is not { } found)
        {
            return NotFound();
        }
        var (program, track) = found;
        if (TrackForm.Edit(Input, Command) is { } edited)
        {
            Input = edited;
            ModelState.Clear();
            return Page();
        }
        var check = TrackFields.Check(TrackForm.Posted(Input), skipEmptyRows: true);
        var errors = check.Errors;
        if (check.Values is { } values)
        {
            errors = await writer.UpdateTrackAsync(program, track, values, ct);
            if (errors.Count == 0)
            {
                TempData["Message"] = L["Track {0} was saved.", values.Name].Value;
                return Redirect($"/Programs/{id}#track-{trackId}");
            }
        }
        ProgramForm.AddErrors(errors, ModelState, L);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int trackId, CancellationToken ct)
    {
        if (await FindAsync(id, trackId, ct) is not { } found)
        {
            return NotFound();
        }
        var (program, track) = found;
        var name = track.Name;
        var errors = await writer.DeleteTrackAsync(program, track, ct);
        if (errors.Count == 0)
        {
            TempData["Message"] = L["Track {0} was deleted.", name].Value;
            return Redirect($"/Programs/{id}");
        }
        DeleteError = PersonsApi.Text(errors[0], L);
        Input = TrackForm.From(track);
        ModelState.Clear();
        return Page();
    }

    private async Task<(TrainingProgram Program, Track Track)?> FindAsync(int id, int trackId, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program || program.Tracks.FirstOrDefault(t => t.Id == trackId) is not { } track)
        {
            return null;
        }
        Id = id;
        TrackId = trackId;
        ProgramName = program.Name;
        return (program, track);
    }
}
