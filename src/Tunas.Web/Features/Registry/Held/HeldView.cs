using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Held;

/// <summary>
/// Held records as the registry shows persons (decision 0021): an operator's held create, or a resident of theirs
/// whose change of NIK is held, read as what the operator typed, so that every read, list and search answers as for
/// a new resident or a changed one.
/// </summary>
public sealed class HeldView(TunasDb db, RegistryRules rules, CurrentUser me)
{
    public const string ChangedAction = "person.held-changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The unresolved held records the user may see: an operator their own kelurahan's, an officer all.</summary>
    public IQueryable<PendingPerson> Open()
    {
        var agency = me.AgencyId ?? 0;
        var own = RegistryAccess.OwnVillage(me);
        var q = db.PendingPersons.AsNoTracking().Where(p => p.AgencyId == agency && p.ResolvedAt == null);
        return own is null ? q : q.Where(p => p.VillageCode == own);
    }

    /// <summary>The user's open held record of the id as a person; untracked, never saved as one.</summary>
    public async Task<Person?> AsPersonAsync(long id, CancellationToken ct)
    {
        var pending = await Open().FirstOrDefaultAsync(p => p.Id == id, ct);
        return pending is null ? null : await ToPersonAsync(pending, ct);
    }

    /// <summary>
    /// A kelurahan operator's own held records as persons, for their list and search; none for the roles that see the
    /// registry as it is. An operator holds few: they are read whole.
    /// </summary>
    public async Task<IReadOnlyList<Person>> OwnAsync(CancellationToken ct)
    {
        if (RegistryAccess.OwnVillage(me) is null)
        {
            return [];
        }
        var persons = new List<Person>();
        foreach (var pending in await Open().OrderBy(p => p.Id).ToListAsync(ct))
        {
            if (await ToPersonAsync(pending, ct) is { } person)
            {
                persons.Add(person);
            }
        }
        return persons;
    }

    /// <summary>
    /// What the operator typed, on the household of its No. KK. A held create reads as a resident the operator entered
    /// (entered, verified); a held change as the resident it changes, with their desil, origin and history.
    /// </summary>
    public async Task<Person?> ToPersonAsync(PendingPerson pending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if ((await rules.CheckAsync(Typed(pending).ToInput(), ct)).Values is not { } values)
        {
            return null;
        }
        var resident = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pending.Id && p.AgencyId == pending.AgencyId, ct);
        var person = resident is null ? ToPerson(pending.AgencyId, pending.Id, values, pending.CreatedAt) : Changed(resident, values);
        if (values.FamilyCardNumber is { } card)
        {
            person.HouseholdId = await db.Households.AsNoTracking().Where(h => h.AgencyId == pending.AgencyId && h.FamilyCardNumber == card)
                .Select(h => (long?)h.Id).FirstOrDefaultAsync(ct);
        }
        var key = pending.Id.ToString(CultureInfo.InvariantCulture);
        var since = pending.CreatedAt;
        person.UpdatedAt = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Person" && a.EntityId == key && a.Action == ChangedAction && a.At >= since)
            .MaxAsync(a => (DateTime?)a.At, ct) ?? pending.CreatedAt;
        return person;
    }

    /// <summary>The resident with what the operator typed over them; the desil stays theirs (only imports and officers set it).</summary>
    private static Person Changed(Person resident, PersonValues values)
    {
        var (decile, source, asOf) = (resident.WelfareDecile, resident.WelfareSource, resident.WelfareAsOf);
        resident.Nik = values.Nik;
        resident.FullName = values.FullName;
        resident.NameKey = PersonNames.Key(values.FullName);
        resident.VillageCode = values.VillageCode;
        PersonWriter.Apply(resident, values);
        (resident.WelfareDecile, resident.WelfareSource, resident.WelfareAsOf) = (decile, source, asOf);
        return resident;
    }

    public static Person ToPerson(int agencyId, long id, PersonValues values, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(values);
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

    public static PersonDto Typed(PendingPerson pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return JsonSerializer.Deserialize<PersonDto>(pending.ValuesJson, Json) ?? new PersonDto();
    }

    /// <summary>The desil is never an operator's to give (decision 0021): what they typed of it is not kept.</summary>
    public static string Serialize(PersonDto typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return JsonSerializer.Serialize(typed with { WelfareDecile = null, WelfareSource = null, WelfareAsOf = null }, Json);
    }

    /// <summary>
    /// The NIK of the head of household a family card has, other than <paramref name="self"/>: the registry's, or an
    /// open held record's that says it is the head (it is one for the operator who typed it, as a new resident would be).
    /// </summary>
    public static async Task<string?> HeadNikAsync(TunasDb db, int agencyId, string card, long self, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.Households.AsNoTracking().Where(h => h.AgencyId == agencyId && h.FamilyCardNumber == card && h.HeadPersonId != null && h.HeadPersonId != self)
            .Select(h => h.HeadPersonId).FirstOrDefaultAsync(ct);
        if (head is { } headId)
        {
            return await db.Persons.AsNoTracking().Where(p => p.AgencyId == agencyId && p.Id == headId).Select(p => p.Nik).FirstOrDefaultAsync(ct) ?? "";
        }
        // Held records of the card: few, and their typed values are JSON, so they are read and tested here.
        var candidates = await db.PendingPersons.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.ResolvedAt == null && p.Id != self && p.ValuesJson.Contains(card))
            .OrderBy(p => p.Id).Select(p => new { p.Nik, p.ValuesJson }).ToListAsync(ct);
        return candidates.FirstOrDefault(c => JsonSerializer.Deserialize<PersonDto>(c.ValuesJson, Json) is { } typed
            && typed.FamilyCardNumber == card
            && Enum.TryParse<HouseholdRelation>(typed.HouseholdRelation, ignoreCase: true, out var relation) && relation == HouseholdRelation.Head)?.Nik;
    }

    public static FieldIssue SecondHead(string? headNik) =>
        new("householdRelation", "second-head", PersonMessages.SecondHeadMessage, [Nik.Mask(headNik)], PersonMessages.SecondHeadAdvice);
}
