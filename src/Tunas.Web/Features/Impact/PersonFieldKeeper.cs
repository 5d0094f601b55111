using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// Keeps the copies of a person's counted fields on cohort places and follow-ups (decision 0034) equal to the registry
/// on every save through EF, whoever saves: a person whose sex, birth date, disability or desil changed, a place or
/// follow-up added or pointed at another application or person, an application moved to another person. The copies
/// are set from the rows after the save, in the same transaction (one is opened when the caller has none), so the
/// change and its copies commit or fail together. The registry's bulk path, which skips the change tracker, calls
/// <see cref="PersonFieldCopies"/> itself. The transaction it opens is shared with the other keepers
/// (<see cref="KeeperTransaction"/>), so their order does not matter.
/// </summary>
public sealed class PersonFieldKeeper : SaveChangesInterceptor
{
    public static readonly PersonFieldKeeper Instance = new();

    private readonly ConditionalWeakTable<DbContext, Work> _work = [];

    private sealed class Work
    {
        public List<long> Persons { get; } = [];
        public List<FollowUp> FollowUps { get; } = [];
        public List<CohortParticipant> Places { get; } = [];
        public List<long> Applications { get; } = [];
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Collect(db) is { } work)
        {
            await KeeperTransaction.JoinAsync(db, this, cancellationToken);
            _work.AddOrUpdate(db, work);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } db || !_work.TryGetValue(db, out var work))
        {
            return result;
        }
        _work.Remove(db);
        try
        {
            if (work.Persons.Count > 0)
            {
                await PersonFieldCopies.OfPersonsAsync(db, work.Persons, cancellationToken);
            }
            if (work.FollowUps.Count > 0)
            {
                await PersonFieldCopies.FollowUpsAsync(db, [.. work.FollowUps.Select(f => f.Id)], cancellationToken);
            }
            if (work.Places.Count > 0 || work.Applications.Count > 0)
            {
                await PersonFieldCopies.PlacesAsync(db, [.. work.Places.Select(p => p.Id)], work.Applications, cancellationToken);
            }
        }
        catch
        {
            // The rows were written but not committed: they go back with their copies.
            await KeeperTransaction.RollBackAsync(db);
            throw;
        }
        await KeeperTransaction.LeaveAsync(db, this, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackAsync(eventData?.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBackAsync(eventData?.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackAsync(eventData?.Context);

    private Task RollBackAsync(DbContext? db)
    {
        if (db is not null)
        {
            _work.Remove(db);
        }
        return KeeperTransaction.RollBackAsync(db);
    }

    /// <summary>What this save changes that the copies follow; null when nothing.</summary>
    private static Work? Collect(DbContext db)
    {
        Work? work = null;
        Work W() => work ??= new Work();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Person p when entry.State == EntityState.Modified
                    && (entry.Property(nameof(Person.Sex)).IsModified || entry.Property(nameof(Person.BirthDate)).IsModified
                        || entry.Property(nameof(Person.Disability)).IsModified || entry.Property(nameof(Person.WelfareDecile)).IsModified):
                    W().Persons.Add(p.Id);
                    break;
                case FollowUp f when entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && entry.Property(nameof(FollowUp.PersonId)).IsModified):
                    W().FollowUps.Add(f);
                    break;
                case CohortParticipant c when entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && entry.Property(nameof(CohortParticipant.ApplicationId)).IsModified):
                    W().Places.Add(c);
                    break;
                case Application a when entry.State == EntityState.Modified && entry.Property(nameof(Application.PersonId)).IsModified:
                    W().Applications.Add(a.Id);
                    break;
            }
        }
        return work;
    }
}
