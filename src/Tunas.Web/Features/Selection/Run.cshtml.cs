using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

/// <summary>One frozen run: what it was given, how each quota filled, and every applicant's result and why.</summary>
[Authorize(Policy = Policies.Selection)]
public sealed class RunModel(SelectionQueries queries, SelectionDesk desk, TunasDb db, RegionDirectory regions, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int ProgramId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long RunId { get; set; }

    [BindProperty(SupportsGet = true, Name = "village")]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public DecisionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public TrainingProgram Program { get; private set; } = null!;
    public SelectionRun Run { get; private set; } = null!;
    public FrozenSettings? Settings { get; private set; }
    public IReadOnlyList<DecisionRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<QuotaFillRow> Quotas { get; private set; } = [];
    public IReadOnlyDictionary<string, RegionSummary> Villages { get; private set; } = new Dictionary<string, RegionSummary>();
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string VillageName(string code) => Villages.TryGetValue(code, out var v) ? v.Name : code;

    public string TrackName(int? id) => id is { } t ? Program.Tracks.FirstOrDefault(x => x.Id == t)?.Name ?? "?" : L["Any track"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var result = await desk.PublishAsync(ProgramId, RunId, ct);
        return await AfterAsync(result, L["The result is published; the messages to the applicants are in the outbox."], ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long applicationId, string? reason, CancellationToken ct)
    {
        var result = await desk.WithdrawAsync(ProgramId, applicationId, reason, ct);
        return await AfterAsync(result, result.PromotedNumber is { } n
            ? L["Withdrawn. {0} is promoted from the waitlist and will be told.", n]
            : L["Withdrawn. Nobody was waiting for this seat."], ct);
    }

    private async Task<IActionResult> AfterAsync(DeskResult result, string done, CancellationToken ct)
    {
        if (result.Outcome == DeskOutcome.NotFound)
        {
            return NotFound();
        }
        IsError = result.Outcome == DeskOutcome.Refused;
        Message = IsError ? string.Format(CultureInfo.CurrentCulture, L[result.Message!], result.Args ?? []) : done;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var program = await queries.ProgramAsync(ProgramId, ct);
        var run = program is null ? null : await queries.RunAsync(ProgramId, RunId, ct);
        if (program is null || run is null)
        {
            return false;
        }
        Program = program;
        Run = run;
        Settings = System.Text.Json.JsonSerializer.Deserialize<FrozenSettings>(run.SettingsJson, DecisionJson.Options);
        Villages = await regions.VillagesAsync(ct);

        var decisions = db.SelectionDecisions.AsNoTracking().Where(d => d.AgencyId == run.AgencyId && d.RunId == RunId);
        Quotas = await QuotaRowsAsync(run, ct);
        var filtered = decisions;
        if (!string.IsNullOrEmpty(Village))
        {
            filtered = filtered.Where(d => d.VillageCode == Village);
        }
        if (Status is { } s)
        {
            filtered = filtered.Where(d => d.Status == s);
        }
        Total = await filtered.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await (
            from d in filtered
            join a in db.Applications on d.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            orderby d.QuotaRegion, d.TrackId, d.Rank == null, d.Rank, d.RegistrationNumber
            select new DecisionRow(d, p.FullName))
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return true;
    }

    private async Task<IReadOnlyList<QuotaFillRow>> QuotaRowsAsync(SelectionRun run, CancellationToken ct)
    {
        var quotas = System.Text.Json.JsonSerializer.Deserialize<List<Quota>>(run.QuotasJson, DecisionJson.Options) ?? [];
        var counts = await db.SelectionDecisions.AsNoTracking().Where(d => d.AgencyId == run.AgencyId && d.RunId == run.Id && d.TrackId != null)
            .GroupBy(d => new { d.QuotaRegion, d.TrackId, d.Status })
            .Select(g => new { g.Key.QuotaRegion, g.Key.TrackId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        int Count(string region, long? track, params DecisionStatus[] statuses) =>
            counts.Where(c => c.QuotaRegion == region && (track is null || c.TrackId == track) && statuses.Contains(c.Status)).Sum(c => c.Count);
        return [.. quotas.Select(q => new QuotaFillRow(q.Region, q.TrackId is { } t ? (int)t : null, q.Size,
            Count(q.Region, q.TrackId, DecisionStatus.Selected, DecisionStatus.Promoted),
            Count(q.Region, q.TrackId, DecisionStatus.Waitlisted)))];
    }
}

public sealed record DecisionRow(SelectionDecision Decision, string FullName);

/// <summary>One quota: its seats, how many hold one now (of applicants ranked there) and how many wait.</summary>
public sealed record QuotaFillRow(string Region, int? TrackId, int Size, int Holding, int Waiting);
