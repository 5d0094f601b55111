using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// The public result list (pengumuman): masked NIKs, initials or names as the program chooses, kelurahan, rank
/// and status with the reason. Anyone may read it; it never shows a full NIK. A phone gets it a page at a time, or
/// one kelurahan whole, which is also what is printed for that kelurahan's notice board.
/// </summary>
[AllowAnonymous]
public sealed class ResultsModel(SelectionQueries queries, TunasDb db, AgencyHeader agency) : PageModel
{
    /// <summary>Rows per page of the whole list: about 30 KB of HTML, a few KB over the wire.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? ProgramId { get; set; }

    [BindProperty(SupportsGet = true, Name = "village")]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public PublicResults? Results { get; private set; }
    public IReadOnlyList<(int Id, string Name, int Year)> Published { get; private set; } = [];

    /// <summary>Every kelurahan of the list, by name, with how many applicants and how many selected.</summary>
    public IReadOnlyList<VillageCount> Villages { get; private set; } = [];

    /// <summary>The chosen kelurahan's name; null for the whole list.</summary>
    public string? VillageName { get; private set; }

    /// <summary>The rows shown: the chosen kelurahan whole, else one page of the whole list.</summary>
    public IReadOnlyList<PublicResultRow> Rows { get; private set; } = [];

    public int PageCount { get; private set; } = 1;
    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ProgramId is { } id)
        {
            Results = await queries.PublicResultsAsync(id, ct);
            if (Results is null)
            {
                return NotFound();
            }
            AgencyName = (await agency.GetAsync(ct)).Name;
            Villages = [.. Results.Rows.GroupBy(r => (r.VillageCode, r.VillageName))
                .Select(g => new VillageCount(g.Key.VillageCode, g.Key.VillageName, g.Count(), g.Count(r => r.Status is DecisionStatus.Selected or DecisionStatus.Promoted)))];
            if (!string.IsNullOrEmpty(Village))
            {
                Rows = [.. Results.Rows.Where(r => r.VillageCode == Village)];
                VillageName = Villages.FirstOrDefault(v => v.Code == Village)?.Name;
                return Page();
            }
            PageCount = Math.Max(1, (Results.Rows.Count + PageSize - 1) / PageSize);
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            Rows = [.. Results.Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
            return Page();
        }
        var programs = await (from p in db.Programs.AsNoTracking()
                              where p.Status != ProgramStatus.Draft
                                  && db.SelectionRuns.Any(r => r.ProgramId == p.Id && r.Status == SelectionRunStatus.Published)
                              orderby p.Year descending, p.Name
                              select new { p.Id, p.Name, p.Year }).ToListAsync(ct);
        Published = [.. programs.Select(p => (p.Id, p.Name, p.Year))];
        return Page();
    }

    public sealed record VillageCount(string Code, string Name, int Applicants, int Selected);
}
