using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>The applications of a program for staff: counts per kelurahan, filters, a page of applications with masked NIKs.</summary>
[Authorize(Policy = Policies.Applications)]
public sealed class IndexModel(ApplicationList list, RegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "programId")]
    public int? ProgramId { get; set; }

    [BindProperty(SupportsGet = true, Name = "village")]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true, Name = "track")]
    public int? TrackId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ProgramChoice> Programs { get; private set; } = [];
    public TrainingProgram? Program { get; private set; }
    public ApplicationPage Result { get; private set; } = new([], 0, 1, ApplicationList.DefaultPageSize);
    public IReadOnlyList<VillageCount> Counts { get; private set; } = [];
    public IReadOnlyDictionary<string, RegionSummary> Villages { get; private set; } = new Dictionary<string, RegionSummary>();
    public string? OwnVillage => list.OwnVillage;

    /// <summary>Officers also reach the program and its selection; an operator would be refused there.</summary>
    public bool IsOfficer => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.ProgramOfficer);

    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Programs = await list.ProgramsAsync(ct);
        var id = ProgramId ?? (Programs.Count > 0 ? Programs[0].Id : null);
        if (id is { } programId)
        {
            Program = await list.ProgramAsync(programId, ct);
            if (Program is null)
            {
                return NotFound();
            }
            ProgramId = programId;
            Result = await list.PageAsync(programId, new ApplicationFilter(Village, TrackId, PageNumber), ct);
            Counts = await list.CountsAsync(programId, TrackId, ct);
        }
        Villages = await regions.VillagesAsync(ct);
        return Page();
    }

    public string VillageName(string code) => Villages.TryGetValue(code, out var v) ? v.Name : code;

    public string TrackName(int? id) => id is { } i && Program?.Tracks.FirstOrDefault(t => t.Id == i) is { } t ? t.Name : "—";

    public string PageUrl(int page) => QueryHelpers(new()
    {
        ["programId"] = ProgramId?.ToString(CultureInfo.InvariantCulture),
        ["village"] = Village,
        ["track"] = TrackId?.ToString(CultureInfo.InvariantCulture),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    });

    public string VillageUrl(string code) => QueryHelpers(new()
    {
        ["programId"] = ProgramId?.ToString(CultureInfo.InvariantCulture),
        ["village"] = code,
        ["track"] = TrackId?.ToString(CultureInfo.InvariantCulture),
    });

    private static string QueryHelpers(Dictionary<string, string?> values) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Applications", values.Where(v => !string.IsNullOrEmpty(v.Value)));
}
