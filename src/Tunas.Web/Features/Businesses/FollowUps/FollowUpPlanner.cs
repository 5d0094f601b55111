using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>What one planning added: rows of participants and of the comparison group, and rows given a facilitator.</summary>
public sealed record PlanResult(int Participants, int Comparison, int Assigned);

/// <summary>
/// Plans a program's follow-up surveys (decision 0026): four rounds, 1, 3, 6 and 12 months after the end of training,
/// for everyone placed in one of its cohorts that has ended (drop-outs too), and, once all its cohorts have ended,
/// for its waitlisted and not-selected applicants of the published selection (the comparison group), dated from the
/// last cohort's end. Rows that exist are kept as they are (the unique index holds one per person and round), so
/// planning again adds only what is new; an open participant row without a facilitator takes the one of a business
/// the person owns.
/// </summary>
public sealed class FollowUpPlanner(TunasDb db, TimeProvider clock)
{
    public static readonly IReadOnlyList<int> Rounds = [1, 3, 6, 12];

    /// <summary>The plan of one program of the agency; null when the agency has no such program.</summary>
    public async Task<PlanResult?> PlanAsync(int agencyId, int programId, CancellationToken ct = default)
    {
        if (!await db.Programs.AnyAsync(p => p.AgencyId == agencyId && p.Id == programId, ct))
        {
            return null;
        }
        try
        {
            return await PlanOnceAsync(agencyId, programId, ct);
        }
        catch (DbUpdateException)
        {
            // Two officers planned the same program at once: the other's rows are in; plan what is left.
            db.ChangeTracker.Clear();
            return await PlanOnceAsync(agencyId, programId, ct);
        }
    }

    private async Task<PlanResult> PlanOnceAsync(int agencyId, int programId, CancellationToken ct)
    {
        var today = clock.TodayInIndonesia();
        var now = clock.GetUtcNow().UtcDateTime;
        var cohorts = await db.Set<Cohort>().AsNoTracking().Where(c => c.AgencyId == agencyId && c.ProgramId == programId)
            .Select(c => new { c.Id, c.EndsOn }).ToListAsync(ct);
        var ended = cohorts.Where(c => c.EndsOn < today).ToDictionary(c => c.Id, c => c.EndsOn);
        var endedIds = ended.Keys.ToList();

        var placed = await (from p in db.Set<CohortParticipant>().AsNoTracking()
                            where p.AgencyId == agencyId && endedIds.Contains(p.CohortId)
                            join a in db.Applications on new { p.AgencyId, Id = p.ApplicationId } equals new { a.AgencyId, a.Id }
                            select new { a.PersonId, p.ApplicationId, p.CohortId }).ToListAsync(ct);
        // A person moved between cohorts has one placement; should there be two, the later end counts.
        var participants = placed.GroupBy(p => p.PersonId)
            .Select(g => g.OrderByDescending(p => ended[p.CohortId]).First())
            .ToDictionary(p => p.PersonId, p => (p.ApplicationId, EndedOn: ended[p.CohortId]));

        var comparison = new Dictionary<long, (long ApplicationId, DateOnly EndedOn)>();
        if (cohorts.Count > 0 && ended.Count == cohorts.Count)
        {
            var lastEnd = ended.Values.Max();
            var run = await db.SelectionRuns.AsNoTracking()
                .Where(r => r.AgencyId == agencyId && r.ProgramId == programId && r.Status == SelectionRunStatus.Published)
                .OrderByDescending(r => r.Number).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
            if (run is { } runId)
            {
                var everPlaced = db.Set<CohortParticipant>().Where(p => p.AgencyId == agencyId).Select(p => p.ApplicationId);
                var rows = await (
                    from d in db.SelectionDecisions.AsNoTracking()
                    where d.AgencyId == agencyId && d.RunId == runId && (d.Status == DecisionStatus.Waitlisted || d.Status == DecisionStatus.NotSelected)
                        && !everPlaced.Contains(d.ApplicationId)
                    join a in db.Applications on new { d.AgencyId, Id = d.ApplicationId } equals new { a.AgencyId, a.Id }
                    orderby d.ApplicationId
                    select new { a.PersonId, d.ApplicationId }).ToListAsync(ct);
                foreach (var row in rows.Where(r => !participants.ContainsKey(r.PersonId)))
                {
                    comparison.TryAdd(row.PersonId, (row.ApplicationId, lastEnd));
                }
            }
        }

        var existing = await db.Set<FollowUp>().Where(f => f.AgencyId == agencyId && f.ProgramId == programId).ToListAsync(ct);
        var planned = existing.Select(f => (f.PersonId, f.MonthsAfter)).ToHashSet();
        var businesses = await BusinessesAsync(agencyId, [.. participants.Keys], ct);

        var (addedParticipants, addedComparison) = (0, 0);
        void Add(long personId, long applicationId, DateOnly endedOn, FollowUpGroup group)
        {
            var business = group == FollowUpGroup.Participant ? businesses.GetValueOrDefault(personId) : null;
            foreach (var months in Rounds.Where(m => !planned.Contains((personId, m))))
            {
                db.Add(new FollowUp
                {
                    AgencyId = agencyId,
                    ProgramId = programId,
                    PersonId = personId,
                    ApplicationId = applicationId,
                    Group = group,
                    MonthsAfter = months,
                    DueOn = endedOn.AddMonths(months),
                    FacilitatorId = business?.FacilitatorId,
                    BusinessId = business?.Id,
                    Status = FollowUpStatus.Due,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                if (group == FollowUpGroup.Participant)
                {
                    addedParticipants++;
                }
                else
                {
                    addedComparison++;
                }
            }
        }
        foreach (var (person, p) in participants)
        {
            Add(person, p.ApplicationId, p.EndedOn, FollowUpGroup.Participant);
        }
        foreach (var (person, c) in comparison)
        {
            Add(person, c.ApplicationId, c.EndedOn, FollowUpGroup.Comparison);
        }

        // A business started (or given a facilitator) since the last planning brings its facilitator to the open rows.
        var assigned = 0;
        foreach (var row in existing.Where(f => f.Group == FollowUpGroup.Participant && f.Status == FollowUpStatus.Due))
        {
            if (businesses.GetValueOrDefault(row.PersonId) is not { } business)
            {
                continue;
            }
            if (row.BusinessId is null)
            {
                (row.BusinessId, row.UpdatedAt) = (business.Id, now);
            }
            if (row.FacilitatorId is null && business.FacilitatorId is not null)
            {
                (row.FacilitatorId, row.UpdatedAt) = (business.FacilitatorId, now);
                assigned++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new PlanResult(addedParticipants, addedComparison, assigned);
    }

    /// <summary>Each person's business: one with a facilitator first, then the oldest.</summary>
    private async Task<Dictionary<long, OwnedBusiness>> BusinessesAsync(int agencyId, List<long> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return [];
        }
        var owned = await (from o in db.Set<BusinessOwner>().AsNoTracking()
                           where o.AgencyId == agencyId && persons.Contains(o.PersonId)
                           join b in db.Set<Business>() on new { o.AgencyId, Id = o.BusinessId } equals new { b.AgencyId, b.Id }
                           select new { o.PersonId, b.Id, b.FacilitatorId }).ToListAsync(ct);
        return owned.GroupBy(o => o.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.FacilitatorId is null).ThenBy(o => o.Id)
            .Select(o => new OwnedBusiness(o.Id, o.FacilitatorId)).First());
    }

    private sealed record OwnedBusiness(long Id, string? FacilitatorId);
}
