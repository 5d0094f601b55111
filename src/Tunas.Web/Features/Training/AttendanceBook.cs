using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training;

public sealed record AttendanceSaved(int Saved, int Duplicates);

/// <summary>
/// Stores a trainer's attendance marks for one session: the whole batch or nothing, each mark once by its client id,
/// so a phone that sends its queue again changes nothing (decision 0022).
/// </summary>
public sealed class AttendanceBook(TunasDb db, CohortScope scope, CurrentUser me, TimeProvider clock)
{
    /// <summary>Null when the cohort or session is not the user's to see.</summary>
    public async Task<(AttendanceSaved? Saved, IReadOnlyList<FieldIssue> Errors)?> SaveAsync(int cohortId, long sessionId, IReadOnlyList<MarkBody?>? batch, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct)
            || await db.Set<CohortSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.CohortId == cohortId && s.AgencyId == scope.AgencyId, ct) is not { } session)
        {
            return null;
        }
        var participants = (await db.Set<CohortParticipant>().AsNoTracking().Where(p => p.CohortId == cohortId && p.AgencyId == scope.AgencyId)
                .Select(p => new { p.Id, p.DroppedOutOn }).ToListAsync(ct))
            .Where(p => p.DroppedOutOn is not { } d || d > session.Date).Select(p => p.Id).ToHashSet();
        var (marks, errors) = AttendanceRules.Check(batch, participants);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var ids = marks.Select(m => m.ClientId).Distinct(StringComparer.Ordinal).ToList();
        var seen = (await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.AgencyId == scope.AgencyId && ids.Contains(m.ClientId))
            .Select(m => m.ClientId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = 0;
        foreach (var mark in marks)
        {
            if (!seen.Add(mark.ClientId))
            {
                continue;
            }
            saved++;
            db.Add(new AttendanceMark
            {
                AgencyId = scope.AgencyId,
                CohortId = cohortId,
                SessionId = sessionId,
                ParticipantId = mark.ParticipantId,
                Status = mark.Status,
                ClientId = mark.ClientId,
                MarkedAt = now,
                MarkedById = me.Id,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (saved > 0)
        {
            // REVIEW: the same queue sent twice at once; the other request stored its marks first. Every mark of this batch
            // is answered as a duplicate, though one the other request did not carry is then lost until the phone sends it again.
            db.ChangeTracker.Clear();
            return (new AttendanceSaved(0, marks.Count), []);
        }
        return (new AttendanceSaved(saved, marks.Count - saved), []);
    }
}
