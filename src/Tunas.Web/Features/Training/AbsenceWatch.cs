using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Training;

public sealed record AbsentSession(long SessionId, DateOnly Date, string Title);

/// <summary>A participant absent at two or more sessions in a row: who, in which cohort, and which sessions.</summary>
public sealed record AbsenceWarning(int CohortId, string CohortName, long ParticipantId, string FullName, IReadOnlyList<AbsentSession> Sessions);

/// <summary>
/// Finds participants absent at two consecutive sessions (by the latest mark of each; a session not marked yet breaks
/// the row), for the program officer to follow up before the participant drops out for good.
/// </summary>
public sealed class AbsenceWatch(TunasDb db, CohortScope scope)
{
    /// <summary>How long after its end a cohort still shows on the officer's desk.</summary>
    public const int DaysShownAfterEnd = 14;

    public const int InARow = 2;

    /// <summary>The warnings of one cohort the user may see, or of every running or recent one when null.</summary>
    public async Task<IReadOnlyList<AbsenceWarning>> FindAsync(int? cohortId, CancellationToken ct = default)
    {
        var since = scope.Today.AddDays(-DaysShownAfterEnd);
        var cohorts = await scope.Cohorts.AsNoTracking()
            .Where(c => cohortId == null ? c.EndsOn >= since && c.StartsOn <= scope.Today : c.Id == cohortId)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        if (cohorts.Count == 0)
        {
            return [];
        }
        var ids = cohorts.Select(c => c.Id).ToList();
        var sessions = await db.Set<CohortSession>().AsNoTracking().Where(s => s.AgencyId == scope.AgencyId && ids.Contains(s.CohortId))
            .OrderBy(s => s.Date).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.CohortId, s.Date, s.Title }).ToListAsync(ct);
        var marks = await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.AgencyId == scope.AgencyId && ids.Contains(m.CohortId))
            .OrderBy(m => m.Id).Select(m => new { m.SessionId, m.ParticipantId, m.Status }).ToListAsync(ct);
        var latest = AttendanceRules.Latest(marks.Select(m => (m.SessionId, m.ParticipantId, m.Status)));
        var people = await (
            from x in db.Set<CohortParticipant>().AsNoTracking()
            where x.AgencyId == scope.AgencyId && ids.Contains(x.CohortId) && x.Status == ParticipantStatus.Placed
            join a in db.Applications on x.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            select new { x.Id, x.CohortId, p.FullName }).ToListAsync(ct);
        var names = cohorts.ToDictionary(c => c.Id, c => c.Name);
        var bySession = sessions.GroupBy(s => s.CohortId).ToDictionary(g => g.Key, g => g.ToList());
        var warnings = new List<AbsenceWarning>();
        foreach (var person in people.OrderBy(p => names[p.CohortId], StringComparer.Ordinal).ThenBy(p => p.FullName, StringComparer.OrdinalIgnoreCase))
        {
            var run = new List<AbsentSession>();
            var last = new List<AbsentSession>();
            foreach (var s in bySession.GetValueOrDefault(person.CohortId) ?? [])
            {
                if (latest.TryGetValue((s.Id, person.Id), out var status) && status == AttendanceStatus.Absent)
                {
                    run.Add(new AbsentSession(s.Id, s.Date, s.Title));
                    continue;
                }
                if (run.Count >= InARow)
                {
                    last = run;
                }
                run = [];
            }
            if (run.Count >= InARow)
            {
                last = run;
            }
            if (last.Count >= InARow)
            {
                warnings.Add(new AbsenceWarning(person.CohortId, names[person.CohortId], person.Id, person.FullName, last));
            }
        }
        return warnings;
    }
}
