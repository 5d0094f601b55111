using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

/// <summary>The selection of one program: its runs, the button that runs it again, and the way to its appeals.</summary>
[Authorize(Policy = Policies.Selection)]
public sealed class IndexModel(SelectionQueries queries, SelectionRunner runner, TunasDb db, CurrentUser me, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ProgramId { get; set; }

    public TrainingProgram? Program { get; private set; }
    public IReadOnlyList<TrainingProgram> Programs { get; private set; } = [];
    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];
    public int Applications { get; private set; }
    public int OpenAppeals { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ProgramId is not { } id)
        {
            Programs = await db.Programs.AsNoTracking().Where(p => p.AgencyId == me.AgencyId && p.Status != ProgramStatus.Archived)
                .OrderByDescending(p => p.Year).ThenBy(p => p.Name).ToListAsync(ct);
            return Page();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (ProgramId is not { } id)
        {
            return NotFound();
        }
        var attempt = await runner.RunAsync(id, ct);
        switch (attempt.Problem)
        {
            case RunProblem.None:
                return Redirect($"/Selection/{id}/Runs/{attempt.Run!.Id}");
            case RunProblem.NotFound:
                return NotFound();
            default:
                Error = L[attempt.Problem == RunProblem.AlreadyPublished ? SelectionPageMessages.AlreadyPublishedMessage : SelectionPageMessages.NoQuotasMessage];
                await LoadAsync(id, ct);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Program = await queries.ProgramAsync(id, ct);
        if (Program is null)
        {
            return false;
        }
        Runs = await queries.RunsAsync(id, ct) ?? [];
        Applications = await db.Applications.CountAsync(a => a.AgencyId == Program.AgencyId && a.ProgramId == id && a.Status == ApplicationStatus.Submitted, ct);
        OpenAppeals = await (from x in db.Appeals
                             join a in db.Applications on x.ApplicationId equals a.Id
                             where x.AgencyId == Program.AgencyId && a.ProgramId == id && x.Status == AppealStatus.Open
                             select x.Id).CountAsync(ct);
        return true;
    }
}
