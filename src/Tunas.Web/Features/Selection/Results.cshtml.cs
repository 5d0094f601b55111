using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// The public result list (pengumuman): masked NIKs, initials or names as the program chooses, kelurahan, rank
/// and status with the reason. Anyone may read it; it never shows a full NIK.
/// </summary>
[AllowAnonymous]
public sealed class ResultsModel(SelectionQueries queries, TunasDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ProgramId { get; set; }

    [BindProperty(SupportsGet = true, Name = "village")]
    public string? Village { get; set; }

    public PublicResults? Results { get; private set; }
    public IReadOnlyList<(int Id, string Name, int Year)> Published { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ProgramId is { } id)
        {
            Results = await queries.PublicResultsAsync(id, ct);
            return Results is null ? NotFound() : Page();
        }
        var programs = await (from p in db.Programs.AsNoTracking()
                              where p.Status != ProgramStatus.Draft
                                  && db.SelectionRuns.Any(r => r.ProgramId == p.Id && r.Status == SelectionRunStatus.Published)
                              orderby p.Year descending, p.Name
                              select new { p.Id, p.Name, p.Year }).ToListAsync(ct);
        Published = [.. programs.Select(p => (p.Id, p.Name, p.Year))];
        return Page();
    }
}
