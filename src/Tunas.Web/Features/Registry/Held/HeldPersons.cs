using System.Globalization;
using System.Text.Json;
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
public sealed class HeldPersons(TunasDb db, AuditLog audit, CurrentUser me, PersonWriter writer, RegistryRules rules, PersonSearch search, TimeProvider clock)
{
    public const string HeldAction = "person.create-held";
    public const string ChangedAction = "person.held-changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the typed record aside and returns its id, drawn from the persons' sequence.</summary>
    public async Task<long> HoldAsync(int agencyId, long existing, PersonDto typed, PersonValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var id = await PersonIds.ReserveAsync(db, ct);
            db.PendingPersons.Add(new PendingPerson
            {
                Id = id,
                AgencyId = agencyId,
                ExistingPersonId = existing,
                Nik = values.Nik,
                FullName = values.FullName,
                VillageCode = values.VillageCode,
                ValuesJson = Serialize(typed),
                EnteredById = me.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            audit.Record(HeldAction, "Person", existing.ToString(CultureInfo.InvariantCulture),
                new { pendingId = id, fullName = values.FullName, villageCode = values.VillageCode, familyCardNumber = values.FamilyCardNumber, phone = values.Phone });
            // Under its own id too, with every field, as a new resident's creation is: the operator's page of it shows it so.
            audit.Record(HeldAction, "Person", Key(id), PersonWriter.Snapshot(ToPerson(agencyId, id, Unwelfared(values), DateTime.MinValue)));
            await AddHouseholdAsync(agencyId, values.FamilyCardNumber, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return id;
        });
    }

    /// <summary>The unresolved held creates the user may see: an operator their own kelurahan's, an officer all.</summary>
    public IQueryable<PendingPerson> Open()
    {
        var agency = me.AgencyId ?? 0;
        var own = RegistryAccess.OwnVillage(me);
        var q = db.PendingPersons.AsNoTracking().Where(p => p.AgencyId == agency && p.ResolvedAt == null);
        return own is null ? q : q.Where(p => p.VillageCode == own);
    }

    /// <summary>The registry's person a moved or merged held create became; null while open, or when rejected.</summary>
    public Task<long?> ResolvedIntoAsync(long id, CancellationToken ct) =>
        db.PendingPersons.AsNoTracking()
            .Where(p => p.Id == id && p.AgencyId == (me.AgencyId ?? 0) && p.ResolvedAt != null && p.Resolution != PendingResolution.Rejected)
            .Select(p => (long?)p.ExistingPersonId).FirstOrDefaultAsync(ct);

    public Task<PendingPerson?> FindAsync(long id, CancellationToken ct) =>
        db.PendingPersons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.AgencyId == (me.AgencyId ?? 0), ct);

    /// <summary>
    /// The user's open held record as the registry shows a person (decision 0021): what the operator typed (or changed
    /// since), entered and verified as any resident an operator enters, on the household of its No. KK, so that
    /// reading, showing and editing the id answer as for a new resident. Untracked: never saved as a person.
    /// </summary>
    public async Task<Person?> AsPersonAsync(long id, CancellationToken ct)
    {
        var pending = await Open().FirstOrDefaultAsync(p => p.Id == id, ct);
        return pending is null ? null : await ToPersonAsync(pending, ct);
    }

    /// <summary>
    /// Changes the user's open held record as an update changes a person: the same NIK check, every changed field
    /// audited (<c>person.held-changed</c>, under the record's id); the desil is not kept.
    /// </summary>
    public async Task<PersonSaveResult> UpdateAsync(long id, PersonValues values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var key = await Open().Where(p => p.Id == id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        var pending = key is null ? null : await db.PendingPersons.FirstAsync(p => p.Id == id, ct);
        if (pending is null || await ToPersonAsync(pending, ct) is not { } before)
        {
            return new PersonSaveResult(null, PersonSaveOutcome.NotFound, []);
        }
        if (values.Nik != pending.Nik
            && await db.Persons.AsNoTracking().Where(p => p.AgencyId == pending.AgencyId && p.Nik == values.Nik).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct) is { } other)
        {
            if (await search.Visible().AnyAsync(p => p.Id == other, ct))
            {
                return new PersonSaveResult(other, PersonSaveOutcome.NikExists, []);
            }
            // Held now for the registry's person of the new NIK, unseen by the user as the first one was.
            pending.ExistingPersonId = other;
        }
        var changes = PersonWriter.Diff(PersonWriter.Snapshot(before), PersonWriter.Snapshot(ToPerson(pending.AgencyId, id, Unwelfared(values), pending.CreatedAt)));
        if (changes.Count == 0)
        {
            return new PersonSaveResult(id, PersonSaveOutcome.Unchanged, []);
        }
        pending.Nik = values.Nik;
        pending.FullName = values.FullName;
        pending.VillageCode = values.VillageCode;
        pending.ValuesJson = Serialize(PersonForm.From(ToPerson(pending.AgencyId, id, values, pending.CreatedAt)) with { Nik = values.Nik });
        await AddHouseholdAsync(pending.AgencyId, values.FamilyCardNumber, ct);
        audit.Record(ChangedAction, "Person", Key(id), changes);
        await db.SaveChangesAsync(ct);
        return new PersonSaveResult(id, PersonSaveOutcome.Updated, []);
    }

    /// <summary>What the history of a held record is called on the operator's page of it: a resident's created and changed.</summary>
    public static string AsPersonAction(string action) => action switch
    {
        HeldAction => "person.created",
        ChangedAction => "person.changed",
        _ => action,
    };

    private async Task<Person?> ToPersonAsync(PendingPerson pending, CancellationToken ct)
    {
        if ((await rules.CheckAsync(Typed(pending).ToInput(), ct)).Values is not { } values)
        {
            return null;
        }
        var person = ToPerson(pending.AgencyId, pending.Id, values, pending.CreatedAt);
        if (values.FamilyCardNumber is { } card)
        {
            person.HouseholdId = await db.Households.AsNoTracking().Where(h => h.AgencyId == pending.AgencyId && h.FamilyCardNumber == card)
                .Select(h => (long?)h.Id).FirstOrDefaultAsync(ct);
        }
        var key = Key(pending.Id);
        person.UpdatedAt = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Person" && a.EntityId == key && a.Action == ChangedAction)
            .MaxAsync(a => (DateTime?)a.At, ct) ?? pending.CreatedAt;
        return person;
    }

    private static Person ToPerson(int agencyId, long id, PersonValues values, DateTime at)
    {
        var person = new Person
        {
            Id = id,
            AgencyId = agencyId,
            Nik = values.Nik,
            FullName = values.FullName,
            NameKey = PersonNames.Key(values.FullName),
            VillageCode = values.VillageCode,
            Origin = PersonOrigin.Entered,
            Verified = true,
            CreatedAt = at,
            UpdatedAt = at,
        };
        PersonWriter.Apply(person, values);
        return person;
    }

    /// <summary>A new resident's No. KK gets its household (<see cref="PersonWriter"/>); a held one's too, so that both read alike.</summary>
    private async Task AddHouseholdAsync(int agencyId, string? card, CancellationToken ct)
    {
        if (card is not null && !await db.Households.AnyAsync(h => h.AgencyId == agencyId && h.FamilyCardNumber == card, ct))
        {
            db.Households.Add(new Household { AgencyId = agencyId, FamilyCardNumber = card });
        }
    }

    /// <summary>The desil is never an operator's to give (decision 0021): what they typed of it is not kept.</summary>
    private static string Serialize(PersonDto typed) =>
        JsonSerializer.Serialize(typed with { WelfareDecile = null, WelfareSource = null, WelfareAsOf = null }, Json);

    private static PersonValues Unwelfared(PersonValues values) => values with { WelfareDecile = null, WelfareSource = null, WelfareAsOf = null };

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static PersonDto Typed(PendingPerson pending) =>
        JsonSerializer.Deserialize<PersonDto>(pending.ValuesJson, Json) ?? new PersonDto();

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
        if (pending.ResolvedAt is not null)
        {
            return (ResolveOutcome.AlreadyResolved, []);
        }
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
        await db.PendingPersons.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Resolution, resolution)
            .SetProperty(p => p.ResolutionNote, note)
            .SetProperty(p => p.ResolvedById, me.Id)
            .SetProperty(p => p.ResolvedAt, clock.GetUtcNow().UtcDateTime), ct);
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
