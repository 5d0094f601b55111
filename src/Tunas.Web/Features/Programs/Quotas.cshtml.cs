using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>A column of the quota grid: a track, or any track (null).</summary>
public sealed record QuotaColumn(int? TrackId, string Name);

/// <summary>
/// The quota grid: a row per kelurahan of the program's area, a column per track (or one for any track), typed in
/// or filled with the system's proposal, which is only shown until the officer saves it. Cells are posted as
/// <c>q|{kelurahan code}|{track id or "any"}</c>; an empty cell is no quota.
/// </summary>
[Authorize(Policy = Policies.ManagePrograms)]
public sealed class QuotasModel(ProgramScope scope, QuotaPlanner planner, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    public const string PerTrackMode = "track";
    public const string AnyTrackMode = "any";
    private const string CellPrefix = "q|";

    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    public TrainingProgram Program { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public IReadOnlyList<QuotaRow> Rows { get; private set; } = [];
    public IReadOnlyList<QuotaColumn> Columns { get; private set; } = [];
    public Dictionary<string, string> Cells { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<string>> CellErrors { get; } = new(StringComparer.Ordinal);
    public List<string> Errors { get; } = [];
    public bool Proposed { get; private set; }

    public bool PerTrack => Mode == PerTrackMode;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        var stored = await planner.StoredAsync(id, ct);
        if (Mode is not (PerTrackMode or AnyTrackMode))
        {
            Mode = stored.Any(q => q.TrackId is not null) || (stored.Count == 0 && program.Tracks.Count > 0) ? PerTrackMode : AnyTrackMode;
        }
        foreach (var q in stored)
        {
            Cells[CellKey(q.RegionCode, q.TrackId)] = Checks.Number(q.Size);
        }
        await LoadAsync(program, anyColumn: stored.Any(q => q.TrackId is null), ct);
        return Page();
    }

    /// <summary>Shows the proposal in the grid; it is not saved.</summary>
    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Mode = Mode == PerTrackMode ? PerTrackMode : AnyTrackMode;
        var plan = await planner.ProposeAsync(program, PerTrack, ct);
        if (plan.Error is { } error)
        {
            Errors.Add(L[error]);
            ReadCells();
        }
        else
        {
            foreach (var v in plan.Proposal)
            {
                if (PerTrack)
                {
                    for (var i = 0; i < plan.Tracks.Count; i++)
                    {
                        Cells[CellKey(v.Code, plan.Tracks[i].Id)] = Checks.Number(v.TrackSeats[i]);
                    }
                }
                else
                {
                    Cells[CellKey(v.Code, null)] = Checks.Number(v.Seats);
                }
            }
            Proposed = true;
        }
        await LoadAsync(program, anyColumn: false, ct);
        return Page();
    }

    /// <summary>Replaces every quota of the program with the grid's filled cells, or changes nothing.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Mode = Mode == PerTrackMode ? PerTrackMode : AnyTrackMode;
        var posted = ReadCells();
        var inputs = posted.Select(c => new QuotaInput(c.Code, c.TrackId, Cells[c.Key])).ToList();
        var context = new QuotaContext(await scope.CurrentVillageAsync(ct), await scope.AreaAsync(program, ct), program.Tracks.Select(t => t.Id).ToHashSet());
        var check = QuotaFields.Check(inputs, context);
        if (check.Values is { } values)
        {
            await writer.ReplaceQuotasAsync(program, values, ct);
            TempData["Message"] = L["The quotas were saved: {0} seats.", values.Sum(v => v.Size)].Value;
            return Redirect($"/Programs/{id}/Quotas?mode={Mode}");
        }
        foreach (var issue in check.Errors)
        {
            var text = PersonsApi.Text(issue, L);
            var close = issue.Field.IndexOf(']', StringComparison.Ordinal);
            if (issue.Field.StartsWith('[') && close > 1
                && int.TryParse(issue.Field[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < posted.Count)
            {
                var key = posted[index].Key;
                (CellErrors.TryGetValue(key, out var list) ? list : CellErrors[key] = []).Add(text);
            }
            if (!Errors.Contains(text))
            {
                Errors.Add(text);
            }
        }
        await LoadAsync(program, anyColumn: posted.Any(c => c.TrackId is null) && PerTrack, ct);
        return Page();
    }

    public static string CellKey(string code, int? trackId) =>
        CellPrefix + code + "|" + (trackId is { } t ? t.ToString(CultureInfo.InvariantCulture) : AnyTrackMode);

    public string Cell(string code, int? trackId) => Cells.GetValueOrDefault(CellKey(code, trackId)) ?? "";

    public int Sum(IEnumerable<string> keys) =>
        keys.Sum(k => Cells.TryGetValue(k, out var v) && Checks.TryWhole(v, out var n) ? n : 0);

    public int RowTotal(string code) => Sum(Columns.Select(c => CellKey(code, c.TrackId)));

    public int ColumnTotal(int? trackId) => Sum(Rows.Select(r => CellKey(r.Code, trackId)));

    public int Total => Sum(Rows.SelectMany(r => Columns.Select(c => CellKey(r.Code, c.TrackId))));

    /// <summary>Reads the posted cells into <see cref="Cells"/>; the filled ones, in posted order.</summary>
    private List<(string Key, string Code, int? TrackId)> ReadCells()
    {
        var filled = new List<(string, string, int?)>();
        foreach (var (key, value) in Request.Form)
        {
            if (!key.StartsWith(CellPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var parts = key.Split('|');
            if (parts.Length != 3)
            {
                continue;
            }
            int? trackId = parts[2] == AnyTrackMode ? null
                : int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : -1;
            var text = value.ToString().Trim();
            Cells[key] = text;
            if (text.Length > 0)
            {
                filled.Add((key, parts[1], trackId));
            }
        }
        return filled;
    }

    private async Task LoadAsync(TrainingProgram program, bool anyColumn, CancellationToken ct)
    {
        Program = program;
        var area = await scope.AreaAsync(program, ct);
        AreaName = string.IsNullOrEmpty(area) ? "" : $"{await scope.RegionNameAsync(area, ct)} ({area})";
        Rows = await planner.RowsAsync(program, ct);
        var tracks = program.Tracks.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new QuotaColumn(t.Id, t.Name)).ToList();
        QuotaColumn any = new(null, L["Any track"]);
        Columns = !PerTrack ? [any] : anyColumn ? [.. tracks, any] : tracks;
    }
}
