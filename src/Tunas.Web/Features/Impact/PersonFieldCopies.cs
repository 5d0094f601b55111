using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// Sets the copies of a person's sex, birth date, disability and desil on the cohort places and follow-ups that count
/// them (decision 0034) from the registry's rows, one statement per table: for the persons the registry's bulk path
/// changed (<see cref="IPersonFieldCopies"/>), for the applications a merge moved to the kept person
/// (<see cref="IPersonReferences"/>), and for the rows and persons a save touched (<see cref="PersonFieldKeeper"/>).
/// </summary>
public sealed class PersonFieldCopies(TunasDb db) : IPersonFieldCopies, IPersonReferences
{
    public Task PersonsChangedAsync(IReadOnlyCollection<long> personIds, CancellationToken ct = default) => OfPersonsAsync(db, personIds, ct);

    public Task<bool> BlocksMergeAsync(long keptPersonId, long removedPersonId, CancellationToken ct = default) => Task.FromResult(false);

    /// <summary>Runs after the applications moved (this feature registers after theirs): their places take the kept person's fields.</summary>
    public Task MoveAsync(long removedPersonId, long keptPersonId, CancellationToken ct = default) => OfPersonsAsync(db, [keptPersonId], ct);

    /// <summary>Every copy of these persons: their follow-ups, and the places of their applications.</summary>
    internal static async Task OfPersonsAsync(DbContext db, IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToArray();
        await FollowUpsAsync(db, db.Set<FollowUp>().Where(f => ids.Contains(f.PersonId)), ct);
        var applications = db.Set<Application>().Where(a => ids.Contains(a.PersonId)).Select(a => a.Id);
        await PlacesAsync(db, db.Set<CohortParticipant>().Where(p => applications.Contains(p.ApplicationId)), ct);
    }

    /// <summary>
    /// New or re-pointed follow-ups. On PostgreSQL their persons are locked for share first, so an edit of one of them
    /// that has not committed is waited for (and one that comes later waits for these rows to commit, then sets them):
    /// otherwise a copy could be read from the value an edit is replacing at that moment.
    /// </summary>
    internal static async Task FollowUpsAsync(DbContext db, IReadOnlyCollection<long> followUpIds, CancellationToken ct)
    {
        var ids = followUpIds.ToArray();
        var rows = db.Set<FollowUp>().Where(f => ids.Contains(f.Id));
        await LockAsync(db, rows.Select(f => f.PersonId), ct);
        await FollowUpsAsync(db, rows, ct);
    }

    /// <summary>New or re-pointed cohort places, or those of applications moved to another person; persons locked as above.</summary>
    internal static async Task PlacesAsync(DbContext db, IReadOnlyCollection<long> placeIds, IReadOnlyCollection<long> applicationIds, CancellationToken ct)
    {
        var places = placeIds.ToArray();
        var applications = applicationIds.ToArray();
        var rows = db.Set<CohortParticipant>().Where(p => places.Contains(p.Id) || applications.Contains(p.ApplicationId));
        await LockAsync(db, db.Set<Application>().Where(a => rows.Select(r => r.ApplicationId).Contains(a.Id)).Select(a => a.PersonId), ct);
        await PlacesAsync(db, rows, ct);
    }

    private static async Task LockAsync(DbContext db, IQueryable<long> personIds, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var ids = await personIds.Distinct().ToArrayAsync(ct);
            await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Persons" WHERE "Id" = ANY({0}) ORDER BY "Id" FOR SHARE""", [ids], ct);
        }
    }

    private static Task<int> FollowUpsAsync(DbContext db, IQueryable<FollowUp> rows, CancellationToken ct)
    {
        var persons = db.Set<Person>();
        return rows.ExecuteUpdateAsync(s => s
            .SetProperty(f => f.PersonSex, f => persons.Where(p => p.Id == f.PersonId).Select(p => p.Sex).FirstOrDefault())
            .SetProperty(f => f.PersonBirthDate, f => persons.Where(p => p.Id == f.PersonId).Select(p => p.BirthDate).FirstOrDefault())
            .SetProperty(f => f.PersonDisability, f => persons.Where(p => p.Id == f.PersonId).Select(p => p.Disability).FirstOrDefault())
            .SetProperty(f => f.PersonWelfareDecile, f => persons.Where(p => p.Id == f.PersonId).Select(p => p.WelfareDecile).FirstOrDefault()), ct);
    }

    private static Task<int> PlacesAsync(DbContext db, IQueryable<CohortParticipant> rows, CancellationToken ct)
    {
        var people = from a in db.Set<Application>() join p in db.Set<Person>() on a.PersonId equals p.Id select new { ApplicationId = a.Id, p.Sex, p.BirthDate, p.Disability, p.WelfareDecile };
        return rows.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PersonSex, c => people.Where(p => p.ApplicationId == c.ApplicationId).Select(p => p.Sex).FirstOrDefault())
            .SetProperty(c => c.PersonBirthDate, c => people.Where(p => p.ApplicationId == c.ApplicationId).Select(p => p.BirthDate).FirstOrDefault())
            .SetProperty(c => c.PersonDisability, c => people.Where(p => p.ApplicationId == c.ApplicationId).Select(p => p.Disability).FirstOrDefault())
            .SetProperty(c => c.PersonWelfareDecile, c => people.Where(p => p.ApplicationId == c.ApplicationId).Select(p => p.WelfareDecile).FirstOrDefault()), ct);
    }
}
