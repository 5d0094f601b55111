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
public sealed class HeldPersons(TunasDb db, AuditLog audit, CurrentUser me, PersonWriter writer, RegistryRules rules, TimeProvider clock)
{
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
                // The desil is never an operator's to give (decision 0021): what they typed of it is not kept.
                ValuesJson = JsonSerializer.Serialize(typed with { WelfareDecile = null, WelfareSource = null, WelfareAsOf = null }, Json),
                EnteredById = me.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            audit.Record("person.create-held", "Person", existing.ToString(CultureInfo.InvariantCulture),
                new { pendingId = id, fullName = values.FullName, villageCode = values.VillageCode, familyCardNumber = values.FamilyCardNumber, phone = values.Phone });
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

    public Task<PendingPerson?> FindAsync(long id, CancellationToken ct) =>
        db.PendingPersons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.AgencyId == (me.AgencyId ?? 0), ct);

    /// <summary>
    /// The held record as the registry's read answers a person (decision 0021): what the operator typed, not verified,
    /// so that reading the id back answers like a new resident's, marked as awaiting a check.
    /// </summary>
    public async Task<PersonRead?> ReadAsync(long id, CancellationToken ct)
    {
        var pending = await Open().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pending is null || (await rules.CheckAsync(Typed(pending).ToInput(), ct)).Values is not { } v)
        {
            return null;
        }
        return new PersonRead(pending.Id, v.Nik, v.FamilyCardNumber, v.FullName, v.Sex == Shared.Sex.Female ? "F" : "M", v.BirthPlace,
            Shared.DateText.Iso(v.BirthDate), v.Address, v.Rt, v.Rw, v.VillageCode, v.Phone, v.Education, v.Occupation, v.EmploymentStatus,
            v.MaritalStatus, v.HouseholdRelation, v.Disability, null, null, null, PersonOrigin.Entered, false, null);
    }

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
