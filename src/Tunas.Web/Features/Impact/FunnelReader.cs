using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Training.Certificates;

namespace Tunas.Web.Features.Impact;

/// <summary>People at each stage from the registry to the workers their businesses hired (<see cref="Funnel"/>).</summary>
public static class FunnelReader
{
    /// <summary>The funnel, with the registry's count already read (<see cref="ReachReader.EligibleByDesilAsync"/> counts it once for both blocks).</summary>
    /// <param name="applied">The applications in scope (the sum of <see cref="ReachReader.AppliedByVillageAsync"/>).</param>
    /// <param name="started">Everyone placed in scope (<see cref="ReachReader.PlacedAsync"/>), those who dropped out too.</param>
    /// <param name="hired">The workers of the participants' businesses (<see cref="WorkersAsync"/>).</param>
    /// <param name="answers">The participants' follow-up answers (<see cref="OutcomesReader.ParticipantAnswersAsync"/>): the rounds count from them.</param>
    /// <param name="owned">The participants' businesses (<see cref="OwnedBusinessesAsync"/>).</param>
    public static async Task<Funnel> ReadAsync(
        DashboardScope scope, (int Count, string Basis) registryCount, int applied, int started, WorkerCounts hired,
        IReadOnlyList<OutcomesReader.Answer> answers, IReadOnlyList<OwnedBusiness> owned, CancellationToken ct)
    {
        var db = scope.Db;
        var agency = scope.AgencyId;
        var (registry, basis) = registryCount;
        int? eligible = null, selected = null;
        if (!scope.Filter.NarrowsToCohorts)
        {
            // Both counts in one pass over the published decisions; offered a seat: by the run, or later from the waitlist.
            var decisions = await scope.PublishedDecisions.GroupBy(d => 1).Select(g => new
            {
                Eligible = g.Count(d => d.Outcome != SelectionOutcome.Ineligible),
                Selected = g.Count(d => d.Outcome == SelectionOutcome.Selected || d.Status == Applications.DecisionStatus.Promoted),
            }).FirstOrDefaultAsync(ct);
            eligible = decisions?.Eligible ?? 0;
            selected = decisions?.Selected ?? 0;
        }
        var placementIds = scope.PlacementRows.Select(p => p.Id);
        var completed = await db.Set<Certificate>().CountAsync(c => c.AgencyId == agency && c.RevokedAt == null && placementIds.Contains(c.ParticipantId), ct);
        var businessStarted = owned.Where(o => o.Status != BusinessStatus.Planned).Select(o => o.PersonId).Distinct().Count();
        int Active(int m) => answers.Count(a => a.MonthsAfter == m && a.BusinessActive == true);
        int Answered(int m) => answers.Count(a => a.MonthsAfter == m);
        return new Funnel(registry, basis, scope.Filter.NarrowsToCohorts ? null : applied, eligible, selected, started, completed, businessStarted,
            Active(3), Active(6), Active(12), Answered(3), Answered(6), Answered(12), hired.All);
    }

    /// <summary>
    /// Every business a participant in scope owns, with its owner and status, read once: the funnel counts the owners
    /// past planning and the outcomes the active businesses from it, where each ran its own query over the same join.
    /// </summary>
    public static Task<List<OwnedBusiness>> OwnedBusinessesAsync(DashboardScope scope, CancellationToken ct)
    {
        var persons = scope.Placements.Select(p => p.PersonId);
        return (from o in scope.Db.Set<BusinessOwner>().AsNoTracking()
                join b in scope.Db.Set<Business>().AsNoTracking() on new { o.AgencyId, Id = o.BusinessId } equals new { b.AgencyId, b.Id }
                where o.AgencyId == scope.AgencyId && persons.Contains(o.PersonId)
                select new OwnedBusiness(o.PersonId, b.Id, b.Status))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The people who own a business past planning, as one set the caller filters: a join the database runs once,
    /// where a sub-query per person ran once for each of 50,000 participants.
    /// </summary>
    internal static IQueryable<long> OwnersOfStartedBusinesses(DashboardScope scope) =>
        from o in scope.Db.Set<BusinessOwner>()
        join b in scope.Db.Set<Business>() on new { o.AgencyId, Id = o.BusinessId } equals new { b.AgencyId, b.Id }
        where o.AgencyId == scope.AgencyId && b.Status != BusinessStatus.Planned
        select o.PersonId;

    /// <summary>
    /// The workers of the businesses of the participants in scope, in one pass: all ever hired (the funnel), those
    /// still working today (the jobs), and of those the ones whose NIK is of a resident in desil 1 to 4.
    /// </summary>
    public static async Task<WorkerCounts> WorkersAsync(DashboardScope scope, CancellationToken ct)
    {
        var db = scope.Db;
        var agency = scope.AgencyId;
        var today = scope.Today;
        var businesses = BusinessesOf(scope, scope.Placements.Select(p => p.PersonId));
        var counts = await (
            from w in db.Set<BusinessWorker>().AsNoTracking()
            where w.AgencyId == agency && businesses.Contains(w.BusinessId)
            // A NIK is unique in an agency's registry: the join adds no row.
            join p in db.Persons.AsNoTracking().Where(p => p.AgencyId == agency) on w.Nik equals p.Nik into residents
            from p in residents.DefaultIfEmpty()
            select new
            {
                Current = w.EndedOn == null || w.EndedOn > today,
                Poor = p != null && p.WelfareDecile >= 1 && p.WelfareDecile <= 4,
            })
            .GroupBy(x => 1)
            .Select(g => new WorkerCounts(g.Count(), g.Count(x => x.Current), g.Count(x => x.Current && x.Poor)))
            .FirstOrDefaultAsync(ct);
        return counts ?? new WorkerCounts(0, 0, 0);
    }

    /// <summary>The businesses with an owner among <paramref name="persons"/>.</summary>
    internal static IQueryable<long> BusinessesOf(DashboardScope scope, IQueryable<long> persons) =>
        scope.Db.Set<BusinessOwner>().Where(o => o.AgencyId == scope.AgencyId && persons.Contains(o.PersonId)).Select(o => o.BusinessId).Distinct();

    /// <summary>
    /// Residents of the area who pass the program's person rules (age, domicile, desil) when one program is in scope;
    /// recent training and the household limit are left out (they need every resident's history). Else every resident.
    /// </summary>
    public static async Task<(IQueryable<Person> Persons, string Basis)> EligiblePersonsAsync(DashboardScope scope, CancellationToken ct)
    {
        var agency = scope.AgencyId;
        var q = scope.Db.Persons.AsNoTracking().Where(p => p.AgencyId == agency);
        if (scope.Filter.VillageCode is { } village)
        {
            q = q.Where(p => p.VillageCode == village);
        }
        if (scope.Filter.DistrictCode is { } district)
        {
            var prefix = district + ".";
            q = q.Where(p => p.VillageCode.StartsWith(prefix));
        }
        var programs = await scope.Programs.Select(p => new { p.MinAge, p.MaxAge, p.AgeReferenceDate, p.RegistrationCloses, p.MaxDesil, p.DomicileRegencyCode })
            .Take(2).ToListAsync(ct);
        if (programs.Count != 1)
        {
            return (q, "residents");
        }
        var rules = programs[0];
        var on = rules.AgeReferenceDate ?? rules.RegistrationCloses;
        if (rules.MinAge is { } min)
        {
            var bornBy = on.AddYears(-min);
            q = q.Where(p => p.BirthDate <= bornBy);
        }
        if (rules.MaxAge is { } max)
        {
            var bornAfter = on.AddYears(-(max + 1));
            q = q.Where(p => p.BirthDate > bornAfter);
        }
        if (rules.MaxDesil is { } desil)
        {
            q = q.Where(p => p.WelfareDecile != null && p.WelfareDecile <= desil);
        }
        if (rules.DomicileRegencyCode is { } regency)
        {
            var prefix = regency + ".";
            q = q.Where(p => p.VillageCode.StartsWith(prefix) || p.VillageCode == regency);
        }
        return (q, "programRules");
    }
}

/// <summary>A business a participant owns: the owner, the business and where it stands.</summary>
public sealed record OwnedBusiness(long PersonId, long BusinessId, BusinessStatus Status);

/// <summary>Workers of the participants' businesses: ever hired, working today, and of those from desil 1 to 4.</summary>
public sealed record WorkerCounts(int All, int Current, int Poor);
