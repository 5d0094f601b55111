using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>What became of a save.</summary>
public sealed record PersonSaveResult(long? Id, PersonSaveOutcome Outcome, IReadOnlyList<FieldIssue> Errors)
{
    public static PersonSaveResult Failed(params FieldIssue[] errors) => new(null, PersonSaveOutcome.Invalid, errors);
}

/// <summary>A held create's id, first time and the fields its release changed (<see cref="PersonWriter.ReleaseAsync"/>).</summary>
public sealed record HeldRelease(long Id, DateTime CreatedAt, Dictionary<string, string?[]> Changes);

public enum PersonSaveOutcome
{
    Created,
    Updated,
    Unchanged,
    Invalid,

    /// <summary>The NIK belongs to another person already (<see cref="PersonSaveResult.Id"/> is theirs).</summary>
    NikExists,
    NotFound,
}

/// <summary>
/// Creates and changes persons one at a time (forms, API), keeping the household, the name tokens and the
/// suspected duplicates in step, and auditing every changed field with its old and new value.
/// The caller's request is the unit of work: this saves once, at the end.
/// </summary>
public sealed class PersonWriter(TunasDb db, AuditLog audit, DuplicateDetector duplicates, TimeProvider clock)
{
    public Task<PersonSaveResult> CreateAsync(int agencyId, PersonValues values, PersonOrigin origin, CancellationToken ct = default) =>
        InTransactionAsync(() => CreateCoreAsync(agencyId, values, origin, null, ct), ct);

    /// <summary>
    /// A held create released into the registry under its own id (decision 0021): created as the operator's new resident
    /// was, and audited as the change that released it, so that its history reads as a new resident's that was changed.
    /// </summary>
    public Task<PersonSaveResult> ReleaseAsync(int agencyId, PersonValues values, HeldRelease release, CancellationToken ct = default) =>
        InTransactionAsync(() => CreateCoreAsync(agencyId, values, PersonOrigin.Entered, release, ct), ct);

    public Task<PersonSaveResult> UpdateAsync(Person person, PersonValues values, CancellationToken ct = default) =>
        InTransactionAsync(() => UpdateCoreAsync(person, values, ct), ct);

    private async Task<PersonSaveResult> CreateCoreAsync(int agencyId, PersonValues values, PersonOrigin origin, HeldRelease? release, CancellationToken ct)
    {
        var existing = await db.Persons.AsNoTracking().Where(p => p.AgencyId == agencyId && p.Nik == values.Nik).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return new PersonSaveResult(id, PersonSaveOutcome.NikExists, []);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Person
        {
            Id = release?.Id ?? 0,
            AgencyId = agencyId,
            Nik = values.Nik,
            FullName = values.FullName,
            NameKey = PersonNames.Key(values.FullName),
            VillageCode = values.VillageCode,
            Origin = origin,
            Verified = origin != PersonOrigin.SelfRegistered,
            CreatedAt = release?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        Apply(person, values);
        var householdError = await LinkHouseholdAsync(person, values, ct);
        if (householdError is not null)
        {
            return PersonSaveResult.Failed(householdError);
        }
        db.Persons.Add(person);
        await db.SaveChangesAsync(ct);
        await SetHeadAsync(person, ct);
        AddTokens(person);
        if (release is null)
        {
            audit.Record("person.created", "Person", Id(person), Snapshot(person));
        }
        else
        {
            audit.Record("person.changed", "Person", Id(person), release.Changes);
        }
        await db.SaveChangesAsync(ct);
        await duplicates.DetectForAsync(person, ct);
        return new PersonSaveResult(person.Id, PersonSaveOutcome.Created, []);
    }

    private async Task<PersonSaveResult> UpdateCoreAsync(Person person, PersonValues values, CancellationToken ct)
    {
        if (values.Nik != person.Nik
            && await db.Persons.AsNoTracking().Where(p => p.AgencyId == person.AgencyId && p.Nik == values.Nik && p.Id != person.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct) is { } other)
        {
            return new PersonSaveResult(other, PersonSaveOutcome.NikExists, []);
        }
        var before = Snapshot(person);
        var oldName = person.FullName;
        var oldHousehold = person.HouseholdId;
        person.Nik = values.Nik;
        person.FullName = values.FullName;
        person.NameKey = PersonNames.Key(values.FullName);
        person.VillageCode = values.VillageCode;
        Apply(person, values);
        var householdError = await LinkHouseholdAsync(person, values, ct);
        if (householdError is not null)
        {
            return PersonSaveResult.Failed(householdError);
        }
        var changes = Diff(before, Snapshot(person));
        if (changes.Count == 0)
        {
            return new PersonSaveResult(person.Id, PersonSaveOutcome.Unchanged, []);
        }
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (oldName != person.FullName)
        {
            await db.PersonNameTokens.Where(t => t.PersonId == person.Id).ExecuteDeleteAsync(ct);
            AddTokens(person);
        }
        if (oldHousehold != person.HouseholdId && oldHousehold is { } previous)
        {
            await db.Households.Where(h => h.Id == previous && h.HeadPersonId == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.HeadPersonId, (long?)null), ct);
        }
        audit.Record("person.changed", "Person", Id(person), changes);
        await db.SaveChangesAsync(ct);
        await SetHeadAsync(person, ct);
        await db.SaveChangesAsync(ct);
        await duplicates.DetectForAsync(person, ct);
        return new PersonSaveResult(person.Id, PersonSaveOutcome.Updated, []);
    }

    /// <summary>
    /// The person, the household, the tokens and the audit entry are saved together or not at all; inside a
    /// caller's transaction (a merge) the caller decides.
    /// </summary>
    private Task<PersonSaveResult> InTransactionAsync(Func<Task<PersonSaveResult>> save, CancellationToken ct) =>
        db.InOneTransactionAsync(save, r => r.Outcome is PersonSaveOutcome.Created or PersonSaveOutcome.Updated, ct);

    /// <summary>The person's fields as the audit shows them: names as in the API, values invariant text.</summary>
    public static Dictionary<string, string?> Snapshot(Person p) => new(StringComparer.Ordinal)
    {
        ["nik"] = p.Nik,
        ["familyCardNumber"] = p.FamilyCardNumber,
        ["fullName"] = p.FullName,
        ["sex"] = p.Sex == Sex.Female ? "F" : "M",
        ["birthPlace"] = p.BirthPlace,
        ["birthDate"] = DateText.Iso(p.BirthDate),
        ["address"] = p.Address,
        ["rt"] = p.Rt,
        ["rw"] = p.Rw,
        ["villageCode"] = p.VillageCode,
        ["phone"] = p.Phone,
        ["education"] = p.Education?.ToString(),
        ["occupation"] = p.Occupation,
        ["employmentStatus"] = p.EmploymentStatus?.ToString(),
        ["maritalStatus"] = p.MaritalStatus?.ToString(),
        ["householdRelation"] = p.HouseholdRelation?.ToString(),
        ["disability"] = p.Disability ? "true" : "false",
        ["welfareDecile"] = p.WelfareDecile?.ToString(CultureInfo.InvariantCulture),
        ["welfareSource"] = p.WelfareSource,
        ["welfareAsOf"] = p.WelfareAsOf is { } d ? DateText.Iso(d) : null,
    };

    /// <summary>Field → [old, new] for every field that differs.</summary>
    public static Dictionary<string, string?[]> Diff(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        after.Where(kv => !string.Equals(before.GetValueOrDefault(kv.Key), kv.Value, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => new[] { before.GetValueOrDefault(kv.Key), kv.Value }, StringComparer.Ordinal);

    /// <summary>Every field but the NIK, the name and the kelurahan (which the callers set with their keys).</summary>
    internal static void Apply(Person p, PersonValues v)
    {
        p.FamilyCardNumber = v.FamilyCardNumber;
        p.Sex = v.Sex;
        p.BirthPlace = v.BirthPlace;
        p.BirthDate = v.BirthDate;
        p.Address = v.Address;
        p.Rt = v.Rt;
        p.Rw = v.Rw;
        p.Phone = v.Phone;
        p.Education = v.Education;
        p.Occupation = v.Occupation;
        p.EmploymentStatus = v.EmploymentStatus;
        p.MaritalStatus = v.MaritalStatus;
        p.HouseholdRelation = v.HouseholdRelation;
        p.Disability = v.Disability;
        p.WelfareDecile = v.WelfareDecile;
        p.WelfareSource = v.WelfareSource;
        p.WelfareAsOf = v.WelfareAsOf;
    }

    private void AddTokens(Person person) => db.PersonNameTokens.AddRange(PersonNames.TokenRows(person));

    /// <summary>Puts the person on the household of their No. KK, creating it; a second head is refused.</summary>
    private async Task<FieldIssue?> LinkHouseholdAsync(Person person, PersonValues values, CancellationToken ct)
    {
        if (values.FamilyCardNumber is null)
        {
            person.HouseholdId = null;
            return null;
        }
        var household = await db.Households.FirstOrDefaultAsync(h => h.AgencyId == person.AgencyId && h.FamilyCardNumber == values.FamilyCardNumber, ct);
        if (household is null)
        {
            household = new Household { AgencyId = person.AgencyId, FamilyCardNumber = values.FamilyCardNumber };
            db.Households.Add(household);
            await db.SaveChangesAsync(ct);
        }
        if (values.HouseholdRelation == HouseholdRelation.Head
            && await Held.HeldView.HeadNikAsync(db, person.AgencyId, values.FamilyCardNumber, person.Id, ct) is { } headNik)
        {
            return Held.HeldView.SecondHead(headNik);
        }
        person.HouseholdId = household.Id;
        return null;
    }

    private async Task SetHeadAsync(Person person, CancellationToken ct)
    {
        if (person.HouseholdId is not { } householdId)
        {
            return;
        }
        if (person.HouseholdRelation == HouseholdRelation.Head)
        {
            await db.Households.Where(h => h.Id == householdId && h.HeadPersonId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.HeadPersonId, person.Id), ct);
        }
        else
        {
            await db.Households.Where(h => h.Id == householdId && h.HeadPersonId == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.HeadPersonId, (long?)null), ct);
        }
    }

    private static string Id(Person p) => p.Id.ToString(CultureInfo.InvariantCulture);
}
