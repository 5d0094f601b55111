using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>One import: its progress while it runs (the page asks the API), then its counts and the error report.</summary>
[Authorize(Policy = Policies.Registry)]
public sealed class DetailsModel(TunasDb db, CurrentUser me) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public bool Finished => Job.Status is ImportStatus.Completed or ImportStatus.Failed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var job = await ImportsApi.Visible(db, me).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return NotFound();
        }
        if (job.Status == ImportStatus.AwaitingMapping)
        {
            return Redirect($"/Registry/Imports/Map/{job.Id}");
        }
        Job = job;
        return Page();
    }
}
