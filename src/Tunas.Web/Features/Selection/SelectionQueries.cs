using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

/// <summary>One line of the public result list: never a full NIK, the name as the program chooses.</summary>
public sealed record PublicResultRow(
    string MaskedNik, string Name, string VillageCode, string VillageName, string? Track, int? Rank, int? WaitlistPosition,
    DecisionStatus Status, string Reason);

public sealed record PublicResults(int ProgramId, string Program, DateTime PublishedAt, int RunNumber, string Seed, IReadOnlyList<PublicResultRow> Rows);

/// <summary>Reads runs, decisions, appeals and the public result list; writes nothing.</summary>
public sealed class SelectionQueries(TunasDb db, CurrentUser user, RegionDirectory regions, IStringLocalizer<SharedResource> L)
{
    public Task<TrainingProgram?> ProgramAsync(int programId, CancellationToken ct) =>
        db.Programs.AsNoTracking().Include(p => p.Tracks)
            .FirstOrDefaultAsync(p => p.Id == programId && p.AgencyId == user.AgencyId, ct);

    public async Task<IReadOnlyList<RunSummary>?> RunsAsync(int programId, CancellationToken ct)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId && p.AgencyId == user.AgencyId, ct))
        {
            return null;
        }
        var runs = await db.SelectionRuns.AsNoTracking().Where(r => r.AgencyId == user.AgencyId && r.ProgramId == programId)
            .OrderByDescending(r => r.Number).ToListAsync(ct);
        return [.. runs.Select(RunSummary.From)];
    }

    public Task<SelectionRun?> RunAsync(int programId, long runId, CancellationToken ct) =>
        (from r in db.SelectionRuns.AsNoTracking()
         join p in db.Programs on r.ProgramId equals p.Id
         where r.AgencyId == user.AgencyId && r.Id == runId && r.ProgramId == programId && p.AgencyId == user.AgencyId
         select r).FirstOrDefaultAsync(ct);

    /// <summary>The decisions of a run in list order: kelurahan, track, then rank.</summary>
    public Task<List<SelectionDecision>> DecisionsAsync(long runId, string? villageCode, DecisionStatus? status, CancellationToken ct)
    {
        var q = db.SelectionDecisions.AsNoTracking().Where(d => d.AgencyId == user.AgencyId && d.RunId == runId);
        if (!string.IsNullOrEmpty(villageCode))
        {
            q = q.Where(d => d.VillageCode == villageCode);
        }
        if (status is { } s)
        {
            q = q.Where(d => d.Status == s);
        }
        return q.OrderBy(d => d.QuotaRegion).ThenBy(d => d.TrackId).ThenBy(d => d.Rank == null).ThenBy(d => d.Rank)
            .ThenBy(d => d.RegistrationNumber).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AppealDto>?> AppealsAsync(int programId, CancellationToken ct)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId && p.AgencyId == user.AgencyId, ct))
        {
            return null;
        }
        var rows = await (
            from x in db.Appeals.AsNoTracking()
            join a in db.Applications on x.ApplicationId equals a.Id
            where x.AgencyId == user.AgencyId && a.ProgramId == programId
            join d in db.SelectionDecisions on new { x.RunId, x.ApplicationId } equals new { d.RunId, d.ApplicationId }
            join p in db.Persons on a.PersonId equals p.Id
            orderby x.Status, x.LodgedAt
            select new AppealDto(x.Id, x.ApplicationId, a.RegistrationNumber, x.Text, x.LodgedAt, x.Status, x.Answer, x.AnsweredAt, x.NewStatus, d.Status,
                p.FullName, a.VillageCode, d.Score, d.Rank, d.WaitlistPosition))
            .ToListAsync(ct);
        return [.. rows.Select(r => r with
        {
            LodgedAt = DateTime.SpecifyKind(r.LodgedAt, DateTimeKind.Utc),
            AnsweredAt = r.AnsweredAt is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null,
        })];
    }

    /// <summary>
    /// The published result of a program for everyone: masked NIK, initials or name, kelurahan, track, rank,
    /// current status and the reason. Null when the program does not exist or nothing is published.
    /// </summary>
    public async Task<PublicResults?> PublicResultsAsync(int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Tracks)
            .FirstOrDefaultAsync(p => p.Id == programId && p.Status != ProgramStatus.Draft, ct);
        var run = program is null ? null : await db.SelectionRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AgencyId == program.AgencyId && r.ProgramId == programId && r.Status == SelectionRunStatus.Published, ct);
        if (program is null || run is null)
        {
            return null;
        }
        var rows = await (
            from d in db.SelectionDecisions.AsNoTracking()
            where d.AgencyId == run.AgencyId && d.RunId == run.Id
            join a in db.Applications on d.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            orderby d.QuotaRegion, d.TrackId, d.Rank == null, d.Rank, d.RegistrationNumber
            select new { d.Status, d.Rank, d.WaitlistPosition, d.VillageCode, d.TrackId, d.ReasonsJson, p.Nik, p.FullName })
            .ToListAsync(ct);
        var tracks = program.Tracks.ToDictionary(t => t.Id, t => t.Name);
        var villages = await regions.VillagesAsync(ct);
        var list = new List<PublicResultRow>(rows.Count);
        foreach (var r in rows)
        {
            var village = villages.TryGetValue(r.VillageCode, out var v) ? v.Name : r.VillageCode;
            var reasons = DecisionJson.ReadReasons(r.ReasonsJson);
            var reason = reasons.Count > 0 ? reasons[0] : null;
            list.Add(new PublicResultRow(
                Nik.Mask(r.Nik),
                program.NameDisplay == NameDisplay.FullName ? r.FullName : Initials(r.FullName),
                r.VillageCode, village,
                r.TrackId is { } t && tracks.TryGetValue(t, out var track) ? track : null,
                r.Rank, r.WaitlistPosition, r.Status,
                reason is null ? "" : reason.ToReason().Format(L[reason.Message])));
        }
        // Per kelurahan: who holds a seat, who waits (in waiting order), then the rest; each in rank order.
        var ordered = list.OrderBy(r => r.VillageName, StringComparer.Ordinal).ThenBy(r => r.VillageCode, StringComparer.Ordinal)
            .ThenBy(r => StatusOrder(r.Status)).ThenBy(r => r.WaitlistPosition ?? int.MaxValue).ThenBy(r => r.Rank ?? int.MaxValue)
            .ToList();
        return new PublicResults(program.Id, program.Name, DateTime.SpecifyKind(run.PublishedAt!.Value, DateTimeKind.Utc), run.Number, run.Seed, ordered);
    }

    private static int StatusOrder(DecisionStatus status) => status switch
    {
        DecisionStatus.Selected or DecisionStatus.Promoted => 0,
        DecisionStatus.Waitlisted => 1,
        DecisionStatus.NotSelected => 2,
        DecisionStatus.Withdrawn => 3,
        _ => 4,
    };

    /// <summary>"Siti Nur Wahyuni" becomes "S. N. W.".</summary>
    public static string Initials(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts.Where(p => char.IsLetter(p[0])).Select(p => char.ToUpperInvariant(p[0]) + "."));
    }
}
