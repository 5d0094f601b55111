using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Impact;

/// <summary>A choice in a filter list.</summary>
public sealed record FilterOption(string Value, string Text);

/// <summary>
/// The impact dashboard (/Dampak): the filters as a plain GET form, every block as a table, and a chart drawn from each
/// table when JavaScript runs. Aggregates only: no name, NIK or single person's row.
/// </summary>
[Authorize(Policy = ImpactPolicies.Dashboard)]
public sealed class IndexModel(
    DashboardReader reader, TunasDb db, Infrastructure.CurrentUser me, VillageNames villages, RegionDirectory regions,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ProgramId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? DistrictCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? VillageCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? TrackId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProviderId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CohortId { get; set; }

    public Dashboard? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<FilterOption> Programs { get; private set; } = [];
    public IReadOnlyList<FilterOption> Districts { get; private set; } = [];
    public IReadOnlyList<FilterOption> Villages { get; private set; } = [];
    public IReadOnlyList<FilterOption> Tracks { get; private set; } = [];
    public IReadOnlyList<FilterOption> Providers { get; private set; } = [];
    public IReadOnlyList<FilterOption> Cohorts { get; private set; } = [];

    /// <summary>The query string of the current filter, for the export links.</summary>
    public string QueryString => Request.QueryString.Value ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = new DashboardQuery(ProgramId, Year, DistrictCode, VillageCode, TrackId, ProviderId, CohortId);
        var (filter, errors) = query.Read();
        Errors = [.. errors.Values.Select(e => L[e.Message, e.Args].Value)];
        await OptionsAsync(filter, ct);
        if (filter is not null)
        {
            Result = await reader.ReadAsync(filter, ct);
        }
    }

    private async Task OptionsAsync(DashboardFilter? filter, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        static string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        Programs = [.. (await db.Programs.AsNoTracking().Where(p => p.AgencyId == agency).OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Year }).ToListAsync(ct)).Select(p => new FilterOption(S(p.Id), $"{p.Name} ({S(p.Year)})"))];
        var all = await villages.OfAgencyAsync(ct);
        var upper = await regions.UpperLevelsAsync(ct);
        Districts = [.. all.Select(v => v.ParentCode).OfType<string>().Distinct()
            .Select(code => new FilterOption(code, upper.TryGetValue(code, out var d) ? d.Name : code)).OrderBy(d => d.Text, StringComparer.OrdinalIgnoreCase)];
        Villages = [.. all.Where(v => filter?.DistrictCode is null || v.ParentCode == filter.DistrictCode).Select(v => new FilterOption(v.Code, v.Name))];
        var programId = filter?.ProgramId;
        Tracks = [.. (await db.Tracks.AsNoTracking().Where(t => t.AgencyId == agency && (programId == null || t.ProgramId == programId))
            .OrderBy(t => t.ProgramId).ThenBy(t => t.SortOrder).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => new FilterOption(S(t.Id), t.Name))];
        Providers = [.. (await db.Providers.AsNoTracking().Where(p => p.AgencyId == agency).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name })
            .ToListAsync(ct)).Select(p => new FilterOption(S(p.Id), p.Name))];
        Cohorts = [.. (await db.Set<Cohort>().AsNoTracking().Where(c => c.AgencyId == agency && (programId == null || c.ProgramId == programId))
            .OrderBy(c => c.StartsOn).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => new FilterOption(S(c.Id), c.Name))];
    }
}
