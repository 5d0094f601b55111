using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Assessments;

public sealed record BusinessPlanRead(string? Product, long? Price, long? UnitCost, string? Customers, long? CapitalNeeded);

public sealed record AssessmentRead(long ParticipantId, int? PreTest, int? PostTest, string? Practical, string? RubricNotes, BusinessPlanRead BusinessPlan)
{
    public static AssessmentRead Empty(long participantId) => new(participantId, null, null, null, null, new(null, null, null, null, null));
}

/// <summary>
/// Stores and reads assessments and judges completion, through <see cref="CohortScope"/>: a cohort the user may not see
/// (another provider's) is not found, and so is a participant of another cohort.
/// </summary>
public sealed class AssessmentBook(TunasDb db, CohortScope scope, CurrentUser me, AuditLog audit, TimeProvider clock)
{
    /// <summary>Null when the cohort or the participant is not the user's to see.</summary>
    public async Task<(AssessmentRead? Saved, IReadOnlyList<FieldIssue> Errors)?> SaveAsync(int cohortId, long participantId, AssessmentInput? input, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct)
            || !await db.Set<CohortParticipant>().AnyAsync(p => p.AgencyId == scope.AgencyId && p.CohortId == cohortId && p.Id == participantId, ct))
        {
            return null;
        }
        if (input is null)
        {
            return (null, [AssessmentRules.Issue("body", "invalid", AssessmentRules.BodyInvalidMessage)]);
        }
        var (values, errors) = AssessmentRules.Check(input);
        if (values is null)
        {
            return (null, errors);
        }
        var row = await db.Set<ParticipantAssessment>().FirstOrDefaultAsync(a => a.AgencyId == scope.AgencyId && a.ParticipantId == participantId, ct);
        if (row is null)
        {
            row = new ParticipantAssessment { AgencyId = scope.AgencyId, CohortId = cohortId, ParticipantId = participantId };
            db.Add(row);
        }
        (row.CohortId, row.PreTest, row.PostTest, row.Practical, row.RubricNotes) = (cohortId, values.PreTest, values.PostTest, values.Practical, values.RubricNotes);
        (row.Product, row.Price, row.UnitCost, row.Customers, row.CapitalNeeded) = (values.Product, values.Price, values.UnitCost, values.Customers, values.CapitalNeeded);
        (row.UpdatedAt, row.UpdatedById) = (clock.GetUtcNow().UtcDateTime, me.Id);
        audit.Record("assessment.saved", "CohortParticipant", CohortWriter.Text(participantId), new
        {
            cohort = cohortId,
            preTest = values.PreTest,
            postTest = values.PostTest,
            practical = AssessmentRules.Word(values.Practical),
            businessPlan = values.Product is not null || values.Price is not null || values.CapitalNeeded is not null,
        });
        await db.SaveChangesAsync(ct);
        return (ToRead(row), []);
    }

    /// <summary>The cohort's assessments by participant (those not assessed yet are missing).</summary>
    public async Task<IReadOnlyDictionary<long, AssessmentRead>> ReadAsync(int cohortId, CancellationToken ct = default)
    {
        var rows = await db.Set<ParticipantAssessment>().AsNoTracking().Where(a => a.AgencyId == scope.AgencyId && a.CohortId == cohortId).ToListAsync(ct);
        return rows.ToDictionary(r => r.ParticipantId, ToRead);
    }

    /// <summary>Each participant's completion under the program's rule; null when the cohort is not the user's to see.</summary>
    public async Task<IReadOnlyList<CompletionVerdict>?> CompletionAsync(int cohortId, CancellationToken ct = default)
    {
        var head = await (
            from c in scope.Cohorts.AsNoTracking()
            where c.Id == cohortId
            join p in db.Programs on c.ProgramId equals p.Id
            select new { p.CompletionAttendancePercent, p.CompletionRequiresPractical }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }
        var facts = await FactsAsync(scope.AgencyId, cohortId, ct);
        return [.. facts.Select(f => CompletionRule.Judge(f, head.CompletionAttendancePercent, head.CompletionRequiresPractical, Shared.DateText.Written))];
    }

    /// <summary>
    /// One participant's completion under the program's rule, judged from the same facts as the cohort's list, for the
    /// participant's own page; the caller has found the placement (<see cref="Participants.ParticipantSelf"/>).
    /// </summary>
    public async Task<CompletionVerdict> CompletionOfAsync(CohortParticipant participant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var rule = await (
            from c in db.Set<Cohort>().AsNoTracking()
            where c.AgencyId == participant.AgencyId && c.Id == participant.CohortId
            join p in db.Programs on c.ProgramId equals p.Id
            select new { p.CompletionAttendancePercent, p.CompletionRequiresPractical }).SingleAsync(ct);
        var facts = (await FactsAsync(participant.AgencyId, participant.CohortId, ct)).Single(f => f.ParticipantId == participant.Id);
        return CompletionRule.Judge(facts, rule.CompletionAttendancePercent, rule.CompletionRequiresPractical, Shared.DateText.Written);
    }

    /// <summary>What the rule needs for each participant of a cohort, in the order of the cohort's list.</summary>
    internal async Task<IReadOnlyList<CompletionFacts>> FactsAsync(int agencyId, int cohortId, CancellationToken ct)
    {
        var sessions = await db.Set<CohortSession>().CountAsync(s => s.AgencyId == agencyId && s.CohortId == cohortId, ct);
        var participants = await db.Set<CohortParticipant>().AsNoTracking().Where(p => p.AgencyId == agencyId && p.CohortId == cohortId)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Status, p.DroppedOutOn }).ToListAsync(ct);
        var marks = await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.AgencyId == agencyId && m.CohortId == cohortId)
            .OrderBy(m => m.Id).Select(m => new { m.SessionId, m.ParticipantId, m.Status }).ToListAsync(ct);
        // A participant's attendance at a session is their latest mark.
        var latest = AttendanceRules.Latest(marks.Select(m => (m.SessionId, m.ParticipantId, m.Status)));
        var attended = latest.Where(l => CompletionRule.Attended(l.Value)).GroupBy(l => l.Key.Participant).ToDictionary(g => g.Key, g => g.Count());
        var practical = await db.Set<ParticipantAssessment>().AsNoTracking().Where(a => a.AgencyId == agencyId && a.CohortId == cohortId)
            .Select(a => new { a.ParticipantId, a.Practical }).ToDictionaryAsync(a => a.ParticipantId, a => a.Practical, ct);
        return [.. participants.Select(p => new CompletionFacts(p.Id, p.Status == ParticipantStatus.DroppedOut, p.DroppedOutOn, sessions,
            attended.GetValueOrDefault(p.Id), practical.GetValueOrDefault(p.Id)))];
    }

    private static AssessmentRead ToRead(ParticipantAssessment a) =>
        new(a.ParticipantId, a.PreTest, a.PostTest, AssessmentRules.Word(a.Practical), a.RubricNotes, new(a.Product, a.Price, a.UnitCost, a.Customers, a.CapitalNeeded));
}
