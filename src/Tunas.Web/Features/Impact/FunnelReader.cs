using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Training.Certificates;

namespace Tunas.Web.Features.Impact;

/// <summary>People at each stage from the registry to the workers their businesses hired (<see cref="Funnel"/>).</summary>
public static class FunnelReader
{
    /// <summary>
    /// The eligible and the selected of the published runs' decisions in scope, in one pass (offered a seat: by the
    /// run, or later from the waitlist); null when a provider or a cohort narrows the scope: nobody applies to one.
    /// </summary>
    public static async Task<(int Eligible, int Selected)?> DecisionsAsync(DashboardScope scope, CancellationToken ct)
    {
        if (scope.Filter.NarrowsToCohorts)
        {
            return null;
        }
        var decisions = await scope.PublishedDecisions.GroupBy(d => 1).Select(g => new
        {
            Eligible = g.Count(d => d.Outcome != SelectionOutcome.Ineligible),
            Selected = g.Count(d => d.Outcome == SelectionOutcome.Selected || d.Status == Applications.DecisionStatus.Promoted),
        }).FirstOrDefaultAsync(ct);
        return (decisions?.Eligible ?? 0, decisions?.Selected ?? 0);
    }

    /// <summary>The standing certificates of the placements in scope.</summary>
    public static Task<int> CompletedAsync(DashboardScope scope, CancellationToken ct)
    {
        var placementIds = scope.PlacementRows.Select(p => p.Id);
        return scope.Db.Set<Certificate>().CountAsync(c => c.AgencyId == scope.AgencyId && c.RevokedAt == null && placementIds.Contains(c.ParticipantId), ct);
    }

    /// <summary>The funnel from its counts, read from the rows or from the kept facts alike (<see cref="DashboardInputs"/>).</summary>
    public static Funnel Build(DashboardFilter filter, DashboardInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(inputs);
        var rounds = inputs.Answers;
        var eligible = inputs.Eligible;
        return new Funnel(eligible.ByDesil.Values.Sum() + eligible.Unknown, eligible.Basis, filter.NarrowsToCohorts ? null : inputs.Applied.Values.Sum(),
            inputs.Decisions?.Eligible, inputs.Decisions?.Selected, inputs.Placed.Count, inputs.Completed, inputs.Businesses.Started,
            rounds.Active[3], rounds.Active[6], rounds.Active[12], rounds.Answered[3], rounds.Answered[6], rounds.Answered[12], inputs.Hired.All);
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

    /// <summary>The programs in scope, and their person rules when there is exactly one.</summary>
    public static async Task<ScopedPrograms> ProgramsAsync(DashboardScope scope, CancellationToken ct)
    {
        var programs = await scope.Programs
            .Select(p => new { p.Id, Rules = new PersonRules(p.MinAge, p.MaxAge, p.AgeReferenceDate ?? p.RegistrationCloses, p.MaxDesil, p.DomicileRegencyCode) })
            .ToListAsync(ct);
        return new([.. programs.Select(p => p.Id)], programs.Count == 1 ? programs[0].Rules : null);
    }

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
        var rules = (await ProgramsAsync(scope, ct)).Rules;
        if (rules is null)
        {
            return (q, "residents");
        }
        var on = rules.On;
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

/// <summary>A program's rules on a person, as the registry's first stage counts them; ages on <see cref="On"/>.</summary>
public sealed record PersonRules(int? MinAge, int? MaxAge, DateOnly On, int? MaxDesil, string? DomicileRegencyCode);

/// <summary>The programs in scope, and the person rules of the one program when only one is.</summary>
public sealed record ScopedPrograms(IReadOnlyList<int> Ids, PersonRules? Rules);
