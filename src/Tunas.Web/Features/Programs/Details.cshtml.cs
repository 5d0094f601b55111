using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>One line of the rules summary: the rule, whether it is on, and what it says.</summary>
public sealed record RuleLine(string Rule, bool On, string Text);

/// <summary>
/// A program at a glance: calendar, tracks with modules and providers (edited here), quotas, rules and the
/// history of changes, each with a link to its own page.
/// </summary>
[Authorize(Policy = Policies.ManagePrograms)]
public sealed class DetailsModel(ProgramScope scope, ProgramReader reader, ProgramWriter writer, TunasDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public ProgramRead Program { get; private set; } = null!;
    public IReadOnlyList<ProviderRead> Providers { get; private set; } = [];
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public IReadOnlyList<RuleLine> Rules { get; private set; } = [];

    /// <summary>The track whose provider form was posted with errors, and those errors.</summary>
    public int? FailedTrackId { get; private set; }
    public IReadOnlyList<string> TrackErrors { get; private set; } = [];

    /// <summary>The seats typed into the failed form, to show them again.</summary>
    public IReadOnlyDictionary<int, string> TypedSeats { get; private set; } = new Dictionary<int, string>();
    public IReadOnlySet<int> TypedChoices { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Opens the program to the public (status Active).</summary>
    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) =>
        SetStatusAsync(id, ProgramStatus.Active, L["The program is open to the public."], ct);

    public Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct) =>
        SetStatusAsync(id, ProgramStatus.Archived, L["The program was archived."], ct);

    /// <summary>The providers of one track: checked boxes <c>Deliver</c> (provider ids) and seats <c>Seats_{id}</c>.</summary>
    public async Task<IActionResult> OnPostProvidersAsync(int id, int trackId, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program || program.Tracks.FirstOrDefault(t => t.Id == trackId) is not { } track)
        {
            return NotFound();
        }
        var chosen = new List<TrackProviderValues>();
        var errors = new List<string>();
        var seats = new Dictionary<int, string>();
        var choices = new HashSet<int>();
        foreach (var value in Request.Form["Deliver"])
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var providerId) || !choices.Add(providerId))
            {
                continue;
            }
            var typed = Request.Form["Seats_" + providerId.ToString(CultureInfo.InvariantCulture)].ToString().Trim();
            seats[providerId] = typed;
            int? count = null;
            if (typed.Length > 0)
            {
                if (Checks.TryWhole(typed, out var n))
                {
                    count = n;
                }
                else
                {
                    errors.Add(L[ProgramMessages.SeatsInvalidMessage, typed]);
                    continue;
                }
            }
            chosen.Add(new TrackProviderValues(providerId, count));
        }
        if (errors.Count == 0)
        {
            var issues = await writer.SetTrackProvidersAsync(program, track, chosen, ct);
            if (issues.Count == 0)
            {
                TempData["Message"] = L["The providers of track {0} were saved.", track.Name].Value;
                return Redirect($"/Programs/{id}#track-{trackId}");
            }
            errors.AddRange(issues.Select(i => PersonsApi.Text(i, L)));
        }
        FailedTrackId = trackId;
        TrackErrors = errors;
        TypedSeats = seats;
        TypedChoices = choices;
        await LoadAsync(id, ct);
        return Page();
    }

    public string ActionLabel(string action) => action switch
    {
        "program.created" => L["Program created"],
        "program.changed" => L["Program changed"],
        "program.rules-changed" => L["Rules changed"],
        "program.track-added" => L["Track added"],
        "program.track-changed" => L["Track changed"],
        "program.track-deleted" => L["Track deleted"],
        "program.track-providers-changed" => L["Providers of a track changed"],
        "program.quotas-replaced" => L["Quotas saved"],
        _ => action,
    };

    public string TrackName(int? trackId) =>
        trackId is null ? L["Any track"] : Program.Tracks.FirstOrDefault(t => t.Id == trackId)?.Name ?? trackId.Value.ToString(CultureInfo.InvariantCulture);

    private async Task<IActionResult> SetStatusAsync(int id, ProgramStatus status, string message, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        await writer.SetStatusAsync(program, status, ct);
        TempData["Message"] = message;
        return Redirect($"/Programs/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } program)
        {
            return false;
        }
        Program = program;
        Providers = await reader.ProvidersAsync(ct);
        var key = ProgramWriter.Key(id);
        History = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == ProgramWriter.ProgramEntity && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(20)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync(ct);
        Rules = await RuleLinesAsync(program.Rules, program.Tracks, ct);
        return true;
    }

    /// <summary>Each rule in one line, as the officer reads it.</summary>
    public async Task<IReadOnlyList<RuleLine>> RuleLinesAsync(RulesRead r, IReadOnlyList<TrackRead> tracks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(tracks);
        string off = L["Off"];
        string on = r.AgeReferenceDate is { } d ? ProgramLabels.Date(d) : L["the day of the selection"];
        var women = tracks.Where(t => t.WomenOnly).Select(t => t.Name).ToList();
        return
        [
            new(L["Age"], r.MinAge is not null || r.MaxAge is not null,
                r.MinAge is null && r.MaxAge is null ? off : L["{0} to {1} years old on {2}", r.MinAge ?? 0, r.MaxAge ?? 120, on]),
            new(L["Desil"], r.MaxDesil is not null, r.MaxDesil is { } desil ? L["Desil {0} or lower", desil] : off),
            new(L["Domicile"], r.DomicileRegencyCode is not null,
                r.DomicileRegencyCode is { } code ? L["Lives in {0} ({1})", await scope.RegionNameAsync(code, ct), code] : off),
            new(L["Per family card"], r.MaxPerHousehold is not null, r.MaxPerHousehold is { } h ? L["At most {0} per family card (No. KK)", h] : off),
            new(L["Recent training"], r.ExcludeTrainedWithinYears is not null,
                r.ExcludeTrainedWithinYears is { } y ? L["Not trained in the last {0} years", y] : off),
            new(L["Women-only tracks"], women.Count > 0, women.Count > 0 ? string.Join(", ", women) : off),
        ];
    }
}
