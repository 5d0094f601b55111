using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Training;

public sealed record CohortSummary(
    int Id, int ProgramId, string ProgramName, string Name, int TrackId, string TrackName, int ProviderId, string ProviderName,
    string Place, DateOnly StartsOn, DateOnly EndsOn, int Capacity, int Participants);

public sealed record TrainerRead(string Id, string Name);

public sealed record SessionRead(long Id, DateOnly Date, string Title, int Hours);

public sealed record ParticipantRead(
    long Id, long ApplicationId, string RegistrationNumber, string FullName, string MaskedNik, string Status, DateOnly? DroppedOutOn, string? DropOutReason);

public sealed record CohortRead(
    int Id, int ProgramId, string ProgramName, int TrackId, string TrackName, int ProviderId, string ProviderName, string Name, string Place,
    DateOnly StartsOn, DateOnly EndsOn, int Capacity, string? WhatToBring, IReadOnlyList<TrainerRead> Trainers,
    IReadOnlyList<SessionRead> Sessions, IReadOnlyList<ParticipantRead> Participants);

public sealed record AttendanceRow(long ParticipantId, string RegistrationNumber, string FullName, string? Status);

public sealed record SessionAttendance(long SessionId, DateOnly Date, string Title, int Hours, IReadOnlyList<AttendanceRow> Participants);

/// <summary>Reads cohorts through <see cref="CohortScope"/>: a cohort the user may not see is not found.</summary>
public sealed class CohortReader(TunasDb db, CohortScope scope)
{
    public async Task<IReadOnlyList<CohortSummary>> ListAsync(int? programId, CancellationToken ct = default)
    {
        var cohorts = scope.Cohorts.AsNoTracking().Where(c => programId == null || c.ProgramId == programId);
        var rows = await (
            from c in cohorts
            join p in db.Programs on c.ProgramId equals p.Id
            join t in db.Tracks on c.TrackId equals t.Id
            join v in db.Providers on c.ProviderId equals v.Id
            select new
            {
                c.Id,
                c.ProgramId,
                ProgramName = p.Name,
                c.Name,
                c.TrackId,
                TrackName = t.Name,
                c.ProviderId,
                ProviderName = v.Name,
                c.Place,
                c.StartsOn,
                c.EndsOn,
                c.Capacity,
                Participants = db.Set<CohortParticipant>().Count(x => x.AgencyId == c.AgencyId && x.CohortId == c.Id && x.Status == ParticipantStatus.Placed),
            }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.StartsOn).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new CohortSummary(r.Id, r.ProgramId, r.ProgramName, r.Name, r.TrackId, r.TrackName, r.ProviderId, r.ProviderName,
                r.Place, r.StartsOn, r.EndsOn, r.Capacity, r.Participants))];
    }

    public async Task<CohortRead?> ReadAsync(int id, CancellationToken ct = default)
    {
        var head = await (
            from c in scope.Cohorts.AsNoTracking()
            where c.Id == id
            join p in db.Programs on c.ProgramId equals p.Id
            join t in db.Tracks on c.TrackId equals t.Id
            join v in db.Providers on c.ProviderId equals v.Id
            select new { Cohort = c, ProgramName = p.Name, TrackName = t.Name, ProviderName = v.Name }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }
        var trainers = await (
            from x in db.Set<CohortTrainer>().AsNoTracking()
            where x.AgencyId == scope.AgencyId && x.CohortId == id
            join u in db.Users on x.UserId equals u.Id
            orderby u.FullName
            select new TrainerRead(u.Id, u.FullName ?? u.Email ?? u.Id)).ToListAsync(ct);
        var sessions = await SessionsAsync(id, ct);
        var participants = await ParticipantsAsync(id, ct);
        var cohort = head.Cohort;
        return new CohortRead(cohort.Id, cohort.ProgramId, head.ProgramName, cohort.TrackId, head.TrackName, cohort.ProviderId, head.ProviderName, cohort.Name, cohort.Place,
            cohort.StartsOn, cohort.EndsOn, cohort.Capacity, cohort.WhatToBring, trainers, sessions, participants);
    }

    public async Task<IReadOnlyList<SessionRead>> SessionsAsync(int cohortId, CancellationToken ct = default) =>
        await db.Set<CohortSession>().AsNoTracking().Where(s => s.CohortId == cohortId && s.AgencyId == scope.AgencyId)
            .OrderBy(s => s.Date).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new SessionRead(s.Id, s.Date, s.Title, s.Hours)).ToListAsync(ct);

    public async Task<IReadOnlyList<ParticipantRead>> ParticipantsAsync(int cohortId, CancellationToken ct = default)
    {
        var rows = await (
            from x in db.Set<CohortParticipant>().AsNoTracking()
            where x.CohortId == cohortId && x.AgencyId == scope.AgencyId
            join a in db.Applications on x.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            select new { x.Id, x.ApplicationId, a.RegistrationNumber, p.FullName, p.Nik, x.Status, x.DroppedOutOn, x.DropOutReason }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.FullName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id)
            .Select(r => new ParticipantRead(r.Id, r.ApplicationId, r.RegistrationNumber, r.FullName, Nik.Mask(r.Nik),
                r.Status == ParticipantStatus.Placed ? "placed" : "droppedOut", r.DroppedOutOn, r.DropOutReason))];
    }

    /// <summary>A session's participants with their latest mark; those who dropped out before the session day are left out.</summary>
    public async Task<SessionAttendance?> AttendanceAsync(int cohortId, long sessionId, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct))
        {
            return null;
        }
        var session = await db.Set<CohortSession>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.CohortId == cohortId && s.AgencyId == scope.AgencyId, ct);
        if (session is null)
        {
            return null;
        }
        var marks = await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.SessionId == sessionId && m.AgencyId == scope.AgencyId)
            .OrderBy(m => m.Id).Select(m => new { m.ParticipantId, m.Status }).ToListAsync(ct);
        var latest = new Dictionary<long, AttendanceStatus>();
        foreach (var m in marks)
        {
            latest[m.ParticipantId] = m.Status;
        }
        var participants = (await ParticipantsAsync(cohortId, ct))
            .Where(p => p.DroppedOutOn is not { } d || d > session.Date)
            .Select(p => new AttendanceRow(p.Id, p.RegistrationNumber, p.FullName, latest.TryGetValue(p.Id, out var s) ? AttendanceRules.Word(s) : null))
            .ToList();
        return new SessionAttendance(session.Id, session.Date, session.Title, session.Hours, participants);
    }
}
