using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Impact;

/// <summary>What the dashboard is narrowed to; every part is optional. Kecamatan and kelurahan are dotted Kemendagri codes.</summary>
public sealed record DashboardFilter(
    int? ProgramId = null, int? Year = null, string? DistrictCode = null, string? VillageCode = null,
    int? TrackId = null, int? ProviderId = null, int? CohortId = null)
{
    /// <summary>A provider or a cohort is known only from placement on: the stages before it cannot be split by them.</summary>
    public bool NarrowsToCohorts => ProviderId is not null || CohortId is not null;

    public bool Matches(string villageCode) =>
        (VillageCode is null || villageCode == VillageCode)
        && (DistrictCode is null || villageCode.StartsWith(DistrictCode + ".", StringComparison.Ordinal));
}

/// <summary>What the dashboard counts of a person: a participant's or an applicant's sex, age, disability and desil. A value, not an object: a read holds 150,000 of them (decision 0035).</summary>
public readonly record struct ScopedPerson(Sex Sex, DateOnly BirthDate, bool Disability, int? WelfareDecile);

/// <summary>A placement in the dashboard's scope: the person, their application and their cohort.</summary>
public sealed class ScopedPlacement
{
    public long Id { get; init; }
    public long ApplicationId { get; init; }
    public long PersonId { get; init; }
    public int ProgramId { get; init; }
    public int CohortId { get; init; }
    public int TrackId { get; init; }
    public DateOnly StartsOn { get; init; }
    public required string VillageCode { get; init; }

    /// <summary>The person's fields as copied on the place (decision 0034): no join to the registry.</summary>
    public required ScopedPerson Person { get; init; }
}

/// <summary>
/// The rows of one agency that a <see cref="DashboardFilter"/> keeps, as queries the readers compose, so that every
/// block counts from the same applications, placements and cohorts. A place (kecamatan, kelurahan) is the one the
/// applicant gave on the application.
/// </summary>
public sealed class DashboardScope(TunasDb db, int agencyId, DashboardFilter filter, DateOnly today)
{
    public TunasDb Db => db;
    public int AgencyId => agencyId;
    public DashboardFilter Filter => filter;
    public DateOnly Today => today;

    public IQueryable<TrainingProgram> Programs
    {
        get
        {
            var q = db.Programs.AsNoTracking().Where(p => p.AgencyId == agencyId);
            if (filter.ProgramId is { } id)
            {
                q = q.Where(p => p.Id == id);
            }
            if (filter.Year is { } year)
            {
                q = q.Where(p => p.Year == year);
            }
            return q;
        }
    }

    /// <summary>Applications that count as applied: held and rejected claims were never the person's own.</summary>
    public IQueryable<Application> Applications
    {
        get
        {
            var programs = Programs.Select(p => p.Id);
            var q = db.Applications.AsNoTracking().Where(a => a.AgencyId == agencyId && programs.Contains(a.ProgramId)
                && a.Status != ApplicationStatus.Held && a.Status != ApplicationStatus.Rejected);
            return ByPlace(q);
        }
    }

    public IQueryable<Cohort> Cohorts
    {
        get
        {
            var programs = Programs.Select(p => p.Id);
            var q = db.Set<Cohort>().AsNoTracking().Where(c => c.AgencyId == agencyId && programs.Contains(c.ProgramId));
            if (filter.TrackId is { } track)
            {
                q = q.Where(c => c.TrackId == track);
            }
            if (filter.ProviderId is { } provider)
            {
                q = q.Where(c => c.ProviderId == provider);
            }
            if (filter.CohortId is { } cohort)
            {
                q = q.Where(c => c.Id == cohort);
            }
            return q;
        }
    }

    /// <summary>Everyone placed in a cohort in scope (those who dropped out too: they started).</summary>
    public IQueryable<ScopedPlacement> Placements =>
        from p in db.Set<CohortParticipant>().AsNoTracking()
        join c in Cohorts on p.CohortId equals c.Id
        join a in ByPlace(db.Applications.AsNoTracking()) on p.ApplicationId equals a.Id
        where p.AgencyId == agencyId && a.AgencyId == agencyId
        select new ScopedPlacement
        {
            Id = p.Id,
            ApplicationId = p.ApplicationId,
            PersonId = a.PersonId,
            ProgramId = c.ProgramId,
            CohortId = c.Id,
            TrackId = c.TrackId,
            StartsOn = c.StartsOn,
            VillageCode = a.VillageCode,
            Person = new ScopedPerson(p.PersonSex, p.PersonBirthDate, p.PersonDisability, p.PersonWelfareDecile),
        };

    /// <summary>
    /// The placements in scope without their applications, unless a kecamatan or kelurahan narrows them: a placement's
    /// application is of the same agency, so the join would only repeat the placements (at 50,000 participants it
    /// was most of a count's time, docs/benchmarks.md).
    /// </summary>
    public IQueryable<CohortParticipant> PlacementRows
    {
        get
        {
            var rows = from p in db.Set<CohortParticipant>().AsNoTracking()
                       join c in Cohorts on p.CohortId equals c.Id
                       where p.AgencyId == agencyId
                       select p;
            if (filter.VillageCode is null && filter.DistrictCode is null)
            {
                return rows;
            }
            var applications = ByPlace(db.Applications.AsNoTracking().Where(a => a.AgencyId == agencyId)).Select(a => a.Id);
            return rows.Where(p => applications.Contains(p.ApplicationId));
        }
    }

    public IQueryable<Application> ByPlace(IQueryable<Application> q)
    {
        if (filter.VillageCode is { } village)
        {
            q = q.Where(a => a.VillageCode == village);
        }
        if (filter.DistrictCode is { } district)
        {
            var prefix = district + ".";
            q = q.Where(a => a.VillageCode.StartsWith(prefix));
        }
        return q;
    }

    /// <summary>Applications of the track when one is chosen (first or second choice).</summary>
    public IQueryable<Application> ByTrack(IQueryable<Application> q) =>
        filter.TrackId is { } track ? q.Where(a => a.FirstTrackId == track || a.SecondTrackId == track) : q;

    /// <summary>The decisions of each program's latest published run.</summary>
    public IQueryable<Selection.SelectionDecision> PublishedDecisions
    {
        get
        {
            var programs = Programs.Select(p => p.Id);
            var runs = db.SelectionRuns.Where(r => r.AgencyId == agencyId && programs.Contains(r.ProgramId)
                && r.Status == Selection.SelectionRunStatus.Published
                && r.Number == db.SelectionRuns.Where(o => o.AgencyId == agencyId && o.ProgramId == r.ProgramId
                    && o.Status == Selection.SelectionRunStatus.Published).Max(o => o.Number))
                .Select(r => r.Id);
            var q = db.SelectionDecisions.AsNoTracking().Where(d => d.AgencyId == agencyId && runs.Contains(d.RunId));
            if (filter.VillageCode is { } village)
            {
                q = q.Where(d => d.VillageCode == village);
            }
            if (filter.DistrictCode is { } district)
            {
                var prefix = district + ".";
                q = q.Where(d => d.VillageCode.StartsWith(prefix));
            }
            if (filter.TrackId is { } track)
            {
                q = q.Where(d => d.TrackId == track);
            }
            return q;
        }
    }
}
