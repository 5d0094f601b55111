using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Allowances;

public sealed record AllowanceRow(int Number, long ParticipantId, string RegistrationNumber, string FullName, string MaskedNik, int Days, long PerDay, long Amount);

public sealed record AllowancePaid(DateOnly PaidOn, long Amount, int Days);

public sealed record AllowanceSheet(
    int CohortId, string CohortName, int ProgramId, string ProgramName, string TrackName, string ProviderName, string Place,
    DateOnly StartsOn, DateOnly EndsOn, long PerDay, IReadOnlyList<AllowanceRow> Rows, int TotalDays, long Total, AllowancePaid? Paid);

/// <summary>
/// The transport allowance of a cohort: each participant's attended days (a day with at least one session whose latest
/// mark is present or late) times the program's amount per day. Read through <see cref="CohortScope"/>: a trainer sees
/// only their provider's cohorts; only officers mark a list paid.
/// </summary>
public sealed class AllowanceBook(TunasDb db, CohortScope scope, AuditLog audit, TimeProvider clock)
{
    public const string AlreadyPaidMessage = "This cohort's transport allowance was already marked paid on {0}.";
    public const string NothingToPayMessage = "There is no transport allowance to pay: the program pays none per day, or nobody attended.";
    public const string PaidInFutureMessage = "The payment date cannot be after today.";

    public async Task<AllowanceSheet?> ReadAsync(int cohortId, CancellationToken ct = default)
    {
        var head = await (
            from c in scope.Cohorts.AsNoTracking()
            where c.Id == cohortId
            join p in db.Programs on c.ProgramId equals p.Id
            join t in db.Tracks on c.TrackId equals t.Id
            join v in db.Providers on c.ProviderId equals v.Id
            select new { Cohort = c, ProgramName = p.Name, p.TransportPerDay, TrackName = t.Name, ProviderName = v.Name }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }
        var days = await AttendedDaysAsync(cohortId, ct);
        var people = await (
            from x in db.Set<CohortParticipant>().AsNoTracking()
            where x.CohortId == cohortId && x.AgencyId == scope.AgencyId
            join a in db.Applications on x.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            select new { x.Id, a.RegistrationNumber, p.FullName, p.Nik }).ToListAsync(ct);
        var perDay = head.TransportPerDay;
        var rows = people.OrderBy(p => p.FullName, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id)
            .Select((p, i) =>
            {
                var count = days.GetValueOrDefault(p.Id);
                return new AllowanceRow(i + 1, p.Id, p.RegistrationNumber, p.FullName, Nik.Mask(p.Nik), count, perDay, count * perDay);
            }).ToList();
        var paid = await db.Set<AllowancePayment>().AsNoTracking().Where(x => x.AgencyId == scope.AgencyId && x.CohortId == cohortId)
            .Select(x => new AllowancePaid(x.PaidOn, x.Amount, x.Days)).FirstOrDefaultAsync(ct);
        var cohort = head.Cohort;
        return new AllowanceSheet(cohort.Id, cohort.Name, cohort.ProgramId, head.ProgramName, head.TrackName, head.ProviderName, cohort.Place,
            cohort.StartsOn, cohort.EndsOn,
            perDay, rows, rows.Sum(r => r.Days), rows.Sum(r => r.Amount), paid);
    }

    /// <summary>Attended days per participant: the days on which at least one session's latest mark is present or late.</summary>
    public async Task<Dictionary<long, int>> AttendedDaysAsync(int cohortId, CancellationToken ct = default)
    {
        var sessions = await db.Set<CohortSession>().AsNoTracking().Where(s => s.AgencyId == scope.AgencyId && s.CohortId == cohortId)
            .ToDictionaryAsync(s => s.Id, s => s.Date, ct);
        var marks = await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.AgencyId == scope.AgencyId && m.CohortId == cohortId)
            .OrderBy(m => m.Id).Select(m => new { m.SessionId, m.ParticipantId, m.Status }).ToListAsync(ct);
        return AttendedDays(sessions, marks.Select(m => (m.SessionId, m.ParticipantId, m.Status)));
    }

    /// <summary>
    /// Attended days from marks in the order they were stored: the latest mark of a participant at a session counts,
    /// and two sessions on one day make one day.
    /// </summary>
    public static Dictionary<long, int> AttendedDays(
        IReadOnlyDictionary<long, DateOnly> sessionDays, IEnumerable<(long Session, long Participant, AttendanceStatus Status)> marksInOrder)
    {
        ArgumentNullException.ThrowIfNull(sessionDays);
        return AttendanceRules.Latest(marksInOrder).Where(l => l.Value is AttendanceStatus.Present or AttendanceStatus.Late && sessionDays.ContainsKey(l.Key.Session))
            .Select(l => (l.Key.Participant, Day: sessionDays[l.Key.Session]))
            .Distinct()
            .GroupBy(x => x.Participant)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Marks the cohort's list paid on a day, for its total now (officers; audited). Null when the cohort is not found.</summary>
    public async Task<(AllowancePaid? Paid, IReadOnlyList<FieldIssue> Errors, bool Conflict)?> MarkPaidAsync(int cohortId, string? paidOn, CancellationToken ct = default)
    {
        if (await ReadAsync(cohortId, ct) is not { } sheet)
        {
            return null;
        }
        if (sheet.Paid is { } already)
        {
            return (null, [Checks.Issue("paidOn", "already", AlreadyPaidMessage, Checks.Shown(already.PaidOn))], true);
        }
        var errors = new List<FieldIssue>();
        var date = Checks.Date(paidOn, "paidOn", required: true, errors);
        if (date is { } d && d > clock.TodayInIndonesia())
        {
            errors.Add(Checks.Issue("paidOn", "future", PaidInFutureMessage));
        }
        if (sheet.Total == 0)
        {
            errors.Add(Checks.Issue("paidOn", "nothing", NothingToPayMessage));
        }
        if (errors.Count > 0)
        {
            return (null, errors, false);
        }
        var payment = new AllowancePayment
        {
            AgencyId = scope.AgencyId,
            ProgramId = sheet.ProgramId,
            CohortId = cohortId,
            PaidOn = date!.Value,
            Amount = sheet.Total,
            Days = sheet.TotalDays,
            RecordedById = scope.UserId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(payment);
        audit.Record("allowance.paid", "Cohort", CohortWriter.Text(cohortId), new { cohort = sheet.CohortName, paidOn = DateText.Iso(payment.PaidOn), amount = payment.Amount });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two officers at once: the other one's payment stands.
            db.ChangeTracker.Clear();
            return (null, [Checks.Issue("paidOn", "already", AlreadyPaidMessage, Checks.Shown(payment.PaidOn))], true);
        }
        return (new AllowancePaid(payment.PaidOn, payment.Amount, payment.Days), [], false);
    }
}
