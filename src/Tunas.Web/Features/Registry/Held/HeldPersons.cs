using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Held;

/// <summary>How an officer resolves a held create, and what the outcome was.</summary>
public enum ResolveOutcome
{
    Done,
    NotFound,
    AlreadyResolved,
    Invalid,
}

/// <summary>
/// Holds a kelurahan operator's create of a NIK registered in another kelurahan, and lets an officer resolve it
/// (decision 0021). Every step is audited: the hold (<c>person.create-held</c>), the resolution
/// (<c>person.held-resolved</c>), and any change to the registry's person (<c>person.changed</c>, by <see cref="PersonWriter"/>).
/// </summary>
public sealed class HeldPersons(
    TunasDb db, AuditLog audit, CurrentUser me, PersonWriter writer, RegistryRules rules, PersonSearch search, HeldView view, TimeProvider clock)
{
    public const string HeldAction = "person.create-held";
    public const string ChangedAction = HeldView.ChangedAction;

    /// <summary>
    /// Stores the typed record aside and returns its id, drawn from the persons' sequence; refused, as a new resident's
    /// create is, when it says it heads a family card that has a head (decision 0021).
    /// </summary>
    public async Task<PersonSaveResult> HoldAsync(int agencyId, long existing, PersonValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (await SecondHeadAsync(agencyId, values, 0, ct) is { } refused)
        {
            return refused;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var id = await PersonIds.ReserveAsync(db, ct);
            var typed = Unwelfared(values);
            db.PendingPersons.Add(new PendingPerson
            {
                Id = id,
                AgencyId = agencyId,
                ExistingPersonId = existing,
                Nik = values.Nik,
                FullName = values.FullName,
                VillageCode = values.VillageCode,
                ValuesJson = Serialize(agencyId, id, typed),
                EnteredById = me.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            RecordHold(existing, id, values);
            // Under its own id too, with every field, as a new resident's creation is: the operator's page of it shows it so.
            audit.Record(HeldAction, "Person", Key(id), PersonWriter.Snapshot(HeldView.ToPerson(agencyId, id, typed, DateTime.MinValue)));
            await AddHouseholdAsync(agencyId, values.FamilyCardNumber, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new PersonSaveResult(id, PersonSaveOutcome.Created, []);
        });
    }

    /// <summary>
    /// Saves a change to the record of an id as the user sees it (decision 0021): a held record's change stays held
    /// (<see cref="UpdateAsync"/>); a resident's change to a NIK that the registry has where the user may not look is held
    /// for an officer, answered as a saved change; any other is the writer's.
    /// </summary>
    public async Task<PersonSaveResult> ChangeAsync(Person? stored, long id, PersonValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (stored is null)
        {
            return await UpdateAsync(id, values, ct);
        }
        var result = await writer.UpdateAsync(stored, values, ct);
        if (result.Outcome != PersonSaveOutcome.NikExists || await search.Visible().AnyAsync(p => p.Id == result.Id, ct))
        {
            return result;
        }
        return await HoldChangeAsync(await db.Persons.AsNoTracking().FirstAsync(p => p.Id == id, ct), result.Id!.Value, values, ct);
    }

    /// <summary>The person of an id as the user reads it: an operator's own held record first, then the registry's.</summary>
    public async Task<Person?> ReadAsync(long id, CancellationToken ct) =>
        await OwnAsync(id, ct) ?? await search.Visible().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>An operator's own held record of the id (a held create, or a resident with a held change); null for officers.</summary>
    public async Task<Person?> OwnAsync(long id, CancellationToken ct) =>
        RegistryAccess.OwnVillage(me) is null ? null : await view.AsPersonAsync(id, ct);

    /// <summary>A resident's change to another kelurahan's NIK, kept aside under the resident's own id until an officer resolves it.</summary>
    private async Task<PersonSaveResult> HoldChangeAsync(Person resident, long existing, PersonValues values, CancellationToken ct)
    {
        if (await SecondHeadAsync(resident.AgencyId, values, resident.Id, ct) is { } refused)
        {
            return refused;
        }
        var typed = Unwelfared(values);
        var pending = await db.PendingPersons.FirstOrDefaultAsync(p => p.Id == resident.Id, ct);
        if (pending is null)
        {
            // The resident's own id: it is of the persons' sequence already, so no held create has it.
            pending = new PendingPerson { Id = resident.Id, AgencyId = resident.AgencyId, Nik = "", FullName = "", VillageCode = "", ValuesJson = "" };
            db.PendingPersons.Add(pending);
        }
        pending.ExistingPersonId = existing;
        pending.Nik = values.Nik;
        pending.FullName = values.FullName;
        pending.VillageCode = values.VillageCode;
        pending.ValuesJson = Serialize(resident.AgencyId, resident.Id, typed);
        pending.EnteredById = me.Id;
        pending.CreatedAt = clock.GetUtcNow().UtcDateTime;
        (pending.Resolution, pending.ResolutionNote, pending.ResolvedById, pending.ResolvedAt) = (null, null, null, null);
        RecordHold(existing, resident.Id, values);
        var before = PersonWriter.Snapshot(resident);
        var after = PersonWriter.Snapshot(HeldView.ToPerson(resident.AgencyId, resident.Id, typed, pending.CreatedAt));
        foreach (var kept in new[] { "welfareDecile", "welfareSource", "welfareAsOf" })
        {
            after[kept] = before[kept];
        }
        audit.Record(ChangedAction, "Person", Key(resident.Id), PersonWriter.Diff(before, after));
        await AddHouseholdAsync(resident.AgencyId, values.FamilyCardNumber, ct);
        await db.SaveChangesAsync(ct);
        return new PersonSaveResult(resident.Id, PersonSaveOutcome.Updated, []);
    }

    private void RecordHold(long existing, long id, PersonValues values) =>
        audit.Record(HeldAction, "Person", Key(existing),
            new { pendingId = id, fullName = values.FullName, villageCode = values.VillageCode, familyCardNumber = values.FamilyCardNumber, phone = values.Phone });

    /// <summary>The unresolved held records the user may see: an operator their own kelurahan's, an officer all.</summary>
    public IQueryable<PendingPerson> Open() => view.Open();

    /// <summary>The registry's person a moved or merged held create became; null while open, or when rejected or released.</summary>
    public Task<long?> ResolvedIntoAsync(long id, CancellationToken ct) =>
        db.PendingPersons.AsNoTracking()
            .Where(p => p.Id == id && p.AgencyId == (me.AgencyId ?? 0) && p.ResolvedAt != null
                && p.Resolution != PendingResolution.Rejected && p.Resolution != PendingResolution.Released)
            .Select(p => (long?)p.ExistingPersonId).FirstOrDefaultAsync(ct);

    /// <summary>Whether the id is or was a held record: its history is then named as a resident's for the operator.</summary>
    public Task<bool> WasHeldAsync(long id, CancellationToken ct) =>
        db.PendingPersons.AsNoTracking().AnyAsync(p => p.Id == id && p.AgencyId == (me.AgencyId ?? 0), ct);

    public Task<PendingPerson?> FindAsync(long id, CancellationToken ct) =>
        db.PendingPersons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.AgencyId == (me.AgencyId ?? 0), ct);

    /// <summary>The user's open held record as the registry shows a person (decision 0021; <see cref="HeldView"/>).</summary>
    public Task<Person?> AsPersonAsync(long id, CancellationToken ct) => view.AsPersonAsync(id, ct);

    /// <summary>
    /// Changes the user's open held record as an update changes a person: the same NIK check, every changed field
    /// audited (<c>person.held-changed</c>, under the record's id); the desil is not kept. A NIK corrected to one the
    /// registry does not have releases it: it becomes the resident it read as (decision 0021).
    /// </summary>
    public async Task<PersonSaveResult> UpdateAsync(long id, PersonValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var key = await Open().Where(p => p.Id == id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        var pending = key is null ? null : await db.PendingPersons.FirstAsync(p => p.Id == id, ct);
        if (pending is null || await view.ToPersonAsync(pending, ct) is not { } before)
        {
            return new PersonSaveResult(null, PersonSaveOutcome.NotFound, []);
        }
        if (values.Nik != pending.Nik)
        {
            // A resident with a held change may take their own NIK back: that releases the change too.
            var other = await db.Persons.AsNoTracking().Where(p => p.AgencyId == pending.AgencyId && p.Nik == values.Nik && p.Id != pending.Id)
                .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            if (other is null)
            {
                return await ReleaseAsync(pending, before, values, ct);
            }
            if (await search.Visible().AnyAsync(p => p.Id == other, ct))
            {
                return new PersonSaveResult(other, PersonSaveOutcome.NikExists, []);
            }
            // Held now for the registry's person of the new NIK, unseen by the user as the first one was.
            pending.ExistingPersonId = other.Value;
        }
        var typed = Unwelfared(values);
        var after = HeldView.ToPerson(pending.AgencyId, id, typed, pending.CreatedAt);
        (after.WelfareDecile, after.WelfareSource, after.WelfareAsOf) = (before.WelfareDecile, before.WelfareSource, before.WelfareAsOf);
        if (await SecondHeadAsync(pending.AgencyId, values, id, ct) is { } refused)
        {
            return refused;
        }
        var changes = PersonWriter.Diff(PersonWriter.Snapshot(before), PersonWriter.Snapshot(after));
        if (changes.Count == 0)
        {
            return new PersonSaveResult(id, PersonSaveOutcome.Unchanged, []);
        }
        pending.Nik = values.Nik;
        pending.FullName = values.FullName;
        pending.VillageCode = values.VillageCode;
        pending.ValuesJson = Serialize(pending.AgencyId, id, typed);
        await AddHouseholdAsync(pending.AgencyId, values.FamilyCardNumber, ct);
        audit.Record(ChangedAction, "Person", Key(id), changes);
        await db.SaveChangesAsync(ct);
        return new PersonSaveResult(id, PersonSaveOutcome.Updated, []);
    }

    /// <summary>
    /// The held record becomes what it read as: a held create the new resident, under its id; a held change the
    /// resident's change. Closed as released (<c>person.held-resolved</c> under the registry's person), no officer needed.
    /// </summary>
    private Task<PersonSaveResult> ReleaseAsync(PendingPerson pending, Person before, PersonValues values, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var resident = await db.Persons.FirstOrDefaultAsync(p => p.Id == pending.Id && p.AgencyId == pending.AgencyId, ct);
            var saved = resident is not null
                ? await writer.UpdateAsync(resident, values, ct)
                : await writer.ReleaseAsync(pending.AgencyId, Unwelfared(values), new HeldRelease(pending.Id, pending.CreatedAt,
                    PersonWriter.Diff(PersonWriter.Snapshot(before), PersonWriter.Snapshot(HeldView.ToPerson(pending.AgencyId, pending.Id, Unwelfared(values), pending.CreatedAt)))), ct);
            if (saved.Outcome is not (PersonSaveOutcome.Created or PersonSaveOutcome.Updated or PersonSaveOutcome.Unchanged))
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return saved;
            }
            pending.Resolution = PendingResolution.Released;
            pending.ResolvedAt = clock.GetUtcNow().UtcDateTime;
            pending.ResolvedById = me.Id;
            audit.Record("person.held-resolved", "Person", pending.ExistingPersonId.ToString(CultureInfo.InvariantCulture),
                new { pendingId = pending.Id, resolution = nameof(PendingResolution.Released) });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new PersonSaveResult(pending.Id, PersonSaveOutcome.Updated, []);
        });

    /// <summary>What the history of a held record is called on the operator's page of it: a resident's created and changed.</summary>
    public static string AsPersonAction(string action) => action switch
    {
        HeldAction => "person.created",
        ChangedAction => "person.changed",
        _ => action,
    };

    private static async Task<PersonSaveResult?> SecondHeadAsync(TunasDb db, int agencyId, PersonValues values, long self, CancellationToken ct) =>
        values.HouseholdRelation == HouseholdRelation.Head && values.FamilyCardNumber is { } card
            && await HeldView.HeadNikAsync(db, agencyId, card, self, ct) is { } headNik
            ? PersonSaveResult.Failed(HeldView.SecondHead(headNik))
            : null;

    private Task<PersonSaveResult?> SecondHeadAsync(int agencyId, PersonValues values, long self, CancellationToken ct) =>
        SecondHeadAsync(db, agencyId, values, self, ct);

    /// <summary>A new resident's No. KK gets its household (<see cref="PersonWriter"/>); a held one's too, so that both read alike.</summary>
    private async Task AddHouseholdAsync(int agencyId, string? card, CancellationToken ct)
    {
        if (card is not null && !await db.Households.AnyAsync(h => h.AgencyId == agencyId && h.FamilyCardNumber == card, ct))
        {
            db.Households.Add(new Household { AgencyId = agencyId, FamilyCardNumber = card });
        }
    }

    /// <summary>The typed values in the form's own words, so that they read back through the rules as they were checked.</summary>
    private static string Serialize(int agencyId, long id, PersonValues values) =>
        HeldView.Serialize(PersonForm.From(HeldView.ToPerson(agencyId, id, values, DateTime.MinValue)) with { Nik = values.Nik });

    private static PersonValues Unwelfared(PersonValues values) => values with { WelfareDecile = null, WelfareSource = null, WelfareAsOf = null };

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static PersonDto Typed(PendingPerson pending) => HeldView.Typed(pending);

    /// <summary>
    /// Moves the registry's person to the typed kelurahan (with address, RT and RW), merges every typed field into it
    /// (the desil stays: only imports and officers set it), or rejects the typed record; audited with the note.
    /// </summary>
    public Task<(ResolveOutcome Outcome, IReadOnlyList<FieldIssue> Errors)> ResolveAsync(long id, PendingResolution resolution, string note, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await ResolveCoreAsync(id, resolution, note, ct);
            if (result.Outcome == ResolveOutcome.Done)
            {
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
            return result;
        });

    private async Task<(ResolveOutcome Outcome, IReadOnlyList<FieldIssue> Errors)> ResolveCoreAsync(long id, PendingResolution resolution, string note, CancellationToken ct)
    {
        var pending = await FindAsync(id, ct);
        if (pending is null)
        {
            return (ResolveOutcome.NotFound, []);
        }
        if (resolution == PendingResolution.Released)
        {
            // Only the operator's correction of the NIK releases a record (UpdateAsync): an officer moves, merges or rejects.
            return (ResolveOutcome.Invalid, []);
        }
        if (pending.ResolvedAt is not null)
        {
            return (ResolveOutcome.AlreadyResolved, []);
        }
        // Closed first (the caller's transaction undoes it on a refusal): an open record saying it heads the family card
        // would refuse its own merge as a second head.
        await db.PendingPersons.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Resolution, resolution)
            .SetProperty(p => p.ResolutionNote, note)
            .SetProperty(p => p.ResolvedById, me.Id)
            .SetProperty(p => p.ResolvedAt, clock.GetUtcNow().UtcDateTime), ct);
        if (resolution != PendingResolution.Rejected)
        {
            var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == pending.ExistingPersonId, ct);
            if (person is null)
            {
                return (ResolveOutcome.NotFound, []);
            }
            var current = PersonForm.From(person) with { Nik = person.Nik };
            var typed = Typed(pending);
            var wanted = resolution == PendingResolution.Moved
                ? current with { VillageCode = typed.VillageCode, Address = typed.Address, Rt = typed.Rt, Rw = typed.Rw }
                : Merge(current, typed);
            var check = await rules.CheckAsync(wanted.ToInput(), ct);
            if (check.Values is not { } values)
            {
                return (ResolveOutcome.Invalid, check.Errors);
            }
            var saved = await writer.UpdateAsync(person, values, ct);
            if (saved.Outcome is not (PersonSaveOutcome.Updated or PersonSaveOutcome.Unchanged))
            {
                return (ResolveOutcome.Invalid, saved.Errors);
            }
        }
        audit.Record("person.held-resolved", "Person", pending.ExistingPersonId.ToString(CultureInfo.InvariantCulture),
            new { pendingId = id, resolution = resolution.ToString(), note });
        await db.SaveChangesAsync(ct);
        return (ResolveOutcome.Done, []);
    }

    /// <summary>The registry's record with every field the operator typed over it, except the NIK and the desil.</summary>
    private static PersonDto Merge(PersonDto current, PersonDto typed) => current with
    {
        FamilyCardNumber = typed.FamilyCardNumber ?? current.FamilyCardNumber,
        FullName = typed.FullName ?? current.FullName,
        Sex = typed.Sex ?? current.Sex,
        BirthPlace = typed.BirthPlace ?? current.BirthPlace,
        BirthDate = typed.BirthDate ?? current.BirthDate,
        Address = typed.Address ?? current.Address,
        Rt = typed.Rt ?? current.Rt,
        Rw = typed.Rw ?? current.Rw,
        VillageCode = typed.VillageCode ?? current.VillageCode,
        Phone = typed.Phone ?? current.Phone,
        Education = typed.Education ?? current.Education,
        Occupation = typed.Occupation ?? current.Occupation,
        EmploymentStatus = typed.EmploymentStatus ?? current.EmploymentStatus,
        MaritalStatus = typed.MaritalStatus ?? current.MaritalStatus,
        HouseholdRelation = typed.HouseholdRelation ?? current.HouseholdRelation,
        Disability = typed.Disability ?? current.Disability,
    };
}
