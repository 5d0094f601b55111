using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Bulk;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// One batch of applications in one transaction: the persons looked up by NIK in one query, unknown persons
/// added to the registry as self-registered and unverified through the registry's bulk path (with their household,
/// name tokens, audit entry and suspected duplicates, as the registry does), earlier applications of the same persons
/// found in one query, and the new applications inserted by the provider's fast path with their audit entries.
/// </summary>
internal sealed class ApplicationStore(TunasDb db, DuplicateDetector duplicates, TimeProvider clock)
{
    /// <summary>Who the audit names for an application from the public form or API.</summary>
    public const string PublicActor = "public application";

    private sealed class KnownPerson
    {
        public long Id;
        public required string VillageCode;
        public int? WelfareDecile;
        public bool Verified;
        public string? FamilyCardNumber;
        public string? Phone;
        public Person? Created;

        public long PersonId => Created?.Id ?? Id;
    }

    /// <summary>How far the sender of an application is taken to be the person of its NIK (decision 0016).</summary>
    private enum Claim
    {
        /// <summary>A new person, staff in their scope, or the public with the No. KK and phone on record.</summary>
        Owner,

        /// <summary>The public with the No. KK on record and another phone: that phone is kept aside.</summary>
        PhoneAside,

        /// <summary>Not proven (a No. KK that is not the one on record, a person outside an operator's kelurahan): held.</summary>
        Held,
    }

    /// <summary>An application of a person to a program: stored before (<see cref="InBatch"/> -1) or added by this batch.</summary>
    private sealed record KnownApplication(string RegistrationNumber, ApplicationStatus Status, string? ChecksJson, string? UnverifiedPhone, int InBatch = -1)
    {
        public bool Held => Status == ApplicationStatus.Held;
    }

    public async Task<WriteOutcome[]> WriteAsync(IReadOnlyList<PendingApplication> items, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new WriteOutcome?[items.Count];
        // On SQLite this is BEGIN IMMEDIATE: the batch holds the write lock, so its lookups see the latest rows.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bulk = PersonBulkWriter.For(db);
        var sql = IntakeSql.For(db);
        var audit = new List<AuditEntry>(items.Count * 2);

        // The persons, by agency and NIK.
        var persons = new Dictionary<(int Agency, string Nik), KnownPerson>();
        foreach (var group in items.GroupBy(i => i.AgencyId))
        {
            var agency = group.Key;
            var niks = group.Select(i => i.Values.Nik).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (nik, p) in await bulk.PersonsAsync(agency, niks, ct))
            {
                persons[(agency, nik)] = new KnownPerson
                {
                    Id = p.Id,
                    VillageCode = p.VillageCode,
                    WelfareDecile = p.WelfareDecile,
                    Verified = p.Verified,
                    FamilyCardNumber = p.FamilyCardNumber,
                    Phone = p.Phone,
                };
            }
        }

        var created = new List<(Person Person, PendingApplication Item)>();
        foreach (var item in items)
        {
            if (!persons.ContainsKey((item.AgencyId, item.Values.Nik)))
            {
                var person = NewPerson(item, now);
                created.Add((person, item));
                persons[(item.AgencyId, item.Values.Nik)] = new KnownPerson { VillageCode = person.VillageCode, Created = person };
            }
        }
        if (created.Count > 0)
        {
            await AddPersonsAsync(created, bulk, audit, now, ct);
        }

        // Earlier applications of these persons to these programs (held ones too: several may claim one person).
        var applied = new Dictionary<(int Program, long Person), List<KnownApplication>>();
        var existingIds = persons.Values.Where(p => p.Created is null).Select(p => p.Id).ToList();
        if (existingIds.Count > 0)
        {
            var programIds = items.Select(i => i.ProgramId).Distinct().ToList();
            var earlier = await db.Applications.AsNoTracking()
                .Where(a => existingIds.Contains(a.PersonId) && programIds.Contains(a.ProgramId))
                .Select(a => new { a.ProgramId, a.PersonId, a.RegistrationNumber, a.Status, a.ChecksJson, a.UnverifiedPhone })
                .ToListAsync(ct);
            foreach (var a in earlier)
            {
                Of(applied, (a.ProgramId, a.PersonId)).Add(new KnownApplication(a.RegistrationNumber, a.Status, a.ChecksJson, a.UnverifiedPhone));
            }
        }

        // New applications; a repeat (stored before or earlier in this batch) gets the number of the one it repeats,
        // and only the application its sender made: an unproven sender never learns the person's own number.
        var applications = new List<(Application Application, PendingApplication Item, List<IntakeCheck> Checks)>();
        var target = new int[items.Count];
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var person = persons[(item.AgencyId, item.Values.Nik)];
            var known = Of(applied, (item.ProgramId, person.PersonId));
            var claim = ClaimOf(item, person);
            var phone = item.Values.Phone;
            var own = known.Find(a => !a.Held);
            if (claim == Claim.PhoneAside && own is not null && own.UnverifiedPhone != phone)
            {
                claim = Claim.Held;
            }
            var repeated = claim == Claim.Held ? known.Find(a => a.Held && a.UnverifiedPhone == phone) : own;
            if (repeated is not null)
            {
                if (repeated.InBatch >= 0)
                {
                    target[i] = -repeated.InBatch - 1;
                }
                else
                {
                    outcomes[i] = new WriteOutcome(WriteStatus.Existing, repeated.RegistrationNumber, Shown(repeated.Status), repeated.ChecksJson);
                }
                continue;
            }
            var checks = new List<IntakeCheck>(item.Checks.Count + 2);
            checks.AddRange(item.Checks);
            if (item.Channel != ApplicationChannel.Public)
            {
                // Staff see what the registry says, except of a person outside their kelurahan: to them that one is new.
                var shownNew = person.Created is not null || claim == Claim.Held;
                ApplicationRules.AddRegistryChecks(checks, shownNew, !shownNew && person.Verified, shownNew ? null : person.WelfareDecile);
            }
            var application = NewApplication(item, person.PersonId, Unique(numbers), ApplicationJson.Checks(checks));
            if (claim != Claim.Owner)
            {
                application.UnverifiedPhone = phone;
                application.GivenName = item.Values.FullName;
                application.Phone = claim == Claim.PhoneAside ? person.Phone : null;
                application.Status = claim == Claim.Held ? ApplicationStatus.Held : ApplicationStatus.Submitted;
            }
            known.Add(new KnownApplication(application.RegistrationNumber, application.Status, application.ChecksJson, application.UnverifiedPhone, applications.Count));
            target[i] = applications.Count + 1;
            applications.Add((application, item, checks));
        }

        if (applications.Count > 0)
        {
            // A number drawn twice in 2^40 is rare, not impossible: the unique index refuses it, and the writer writes the
            // batch again with numbers drawn afresh (WriteConflicts), instead of every batch asking whether its numbers are taken.
            await sql.InsertApplicationsAsync(applications.Select(a => a.Application).ToList(), ct);
            foreach (var (application, item, _) in applications)
            {
                audit.Add(Entry(item, now, "application.submitted", "Application", application.Id,
                    JsonSerializer.Serialize(new ApplicationAudit(application.RegistrationNumber, application.ProgramId, application.PersonId,
                        application.Channel.ToString(), application.VillageCode, application.FirstTrackId, application.SecondTrackId,
                        application.Phone!, application.Consent), ApplicationJson.Default.ApplicationAudit)));
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (target[i] != 0)
                {
                    var (application, _, checks) = applications[Math.Abs(target[i]) - 1];
                    outcomes[i] = new WriteOutcome(target[i] > 0 ? WriteStatus.Created : WriteStatus.Existing,
                        application.RegistrationNumber, Shown(application.Status), application.ChecksJson, checks);
                }
            }
        }
        await sql.InsertAuditAsync(audit, ct);
        if (created.Count > 0)
        {
            await duplicates.DetectAmongAsync(created.Select(c => c.Person.Id).ToList(), ct);
        }
        await tx.CommitAsync(ct);
        return [.. outcomes.Select(o => o!)];
    }

    private static Claim ClaimOf(PendingApplication item, KnownPerson person)
    {
        if (person.Created is not null)
        {
            return Claim.Owner;
        }
        if (item.Channel != ApplicationChannel.Public)
        {
            return item.RequiredVillage is { } village && person.VillageCode != village ? Claim.Held : Claim.Owner;
        }
        if (person.FamilyCardNumber is null || !string.Equals(person.FamilyCardNumber, item.Values.FamilyCardNumber, StringComparison.Ordinal))
        {
            return Claim.Held;
        }
        return person.Phone is null || string.Equals(person.Phone, item.Values.Phone, StringComparison.Ordinal) ? Claim.Owner : Claim.PhoneAside;
    }

    /// <summary>What the sender is told: a held application looks like any other submitted one.</summary>
    private static ApplicationStatus Shown(ApplicationStatus status) => status == ApplicationStatus.Held ? ApplicationStatus.Submitted : status;

    private static List<KnownApplication> Of(Dictionary<(int Program, long Person), List<KnownApplication>> applied, (int, long) key)
    {
        if (!applied.TryGetValue(key, out var list))
        {
            list = [];
            applied[key] = list;
        }
        return list;
    }

    private static async Task AddPersonsAsync(List<(Person Person, PendingApplication Item)> created, PersonBulkWriter bulk, List<AuditEntry> audit, DateTime now, CancellationToken ct)
    {
        foreach (var group in created.GroupBy(c => c.Person.AgencyId))
        {
            var agency = group.Key;
            var cards = group.Select(c => c.Person.FamilyCardNumber!).Distinct(StringComparer.Ordinal).ToList();
            var households = (await bulk.HouseholdsAsync(agency, cards, ct)).ToDictionary(h => h.Key, h => h.Value.Id, StringComparer.Ordinal);
            var missing = cards.Where(c => !households.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
            foreach (var (card, id) in await bulk.InsertHouseholdsAsync(agency, [.. missing.Select(c => (c, (long?)null))], ct))
            {
                households[card] = id;
            }
            foreach (var (person, _) in group)
            {
                person.HouseholdId = households[person.FamilyCardNumber!];
            }
        }
        var people = created.Select(c => c.Person).ToList();
        await bulk.AssignPersonIdsAsync(people, ct);
        await bulk.InsertPersonsAsync(people, ct);
        await bulk.InsertTokensAsync(
            [.. people.SelectMany(PersonNames.TokenRows)], ct);
        foreach (var (person, item) in created)
        {
            audit.Add(Entry(item, now, "person.created", "Person", person.Id,
                JsonSerializer.Serialize(PersonWriter.Snapshot(person), ApplicationJson.Default.DictionaryStringString)));
        }
    }

    private static string Unique(HashSet<string> numbers)
    {
        while (true)
        {
            var number = RegistrationNumbers.New();
            if (numbers.Add(number))
            {
                return number;
            }
        }
    }

    private static Person NewPerson(PendingApplication item, DateTime now)
    {
        var v = item.Values;
        return new Person
        {
            AgencyId = item.AgencyId,
            Nik = v.Nik,
            FamilyCardNumber = v.FamilyCardNumber,
            FullName = v.FullName,
            NameKey = PersonNames.Key(v.FullName),
            Sex = v.Sex,
            BirthDate = v.BirthDate,
            VillageCode = v.VillageCode,
            Phone = v.Phone,
            Origin = PersonOrigin.SelfRegistered,
            Verified = false,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static Application NewApplication(PendingApplication item, long personId, string number, string checksJson) => new()
    {
        AgencyId = item.AgencyId,
        ProgramId = item.ProgramId,
        PersonId = personId,
        RegistrationNumber = number,
        FirstTrackId = item.Values.FirstTrackId,
        SecondTrackId = item.Values.SecondTrackId,
        VillageCode = item.Values.VillageCode,
        Phone = item.Values.Phone,
        Motivation = item.Values.Motivation,
        Consent = true,
        ConsentPurpose = item.ConsentPurpose,
        ConsentAt = item.SubmittedAt,
        Channel = item.Channel,
        EnteredById = item.EnteredById,
        Status = ApplicationStatus.Submitted,
        ChecksJson = checksJson,
        SubmittedAt = item.SubmittedAt,
    };

    private static AuditEntry Entry(PendingApplication item, DateTime now, string action, string type, long id, string details) => new()
    {
        At = now,
        AgencyId = item.AgencyId,
        ActorId = item.EnteredById,
        ActorName = item.ActorName,
        Action = action,
        EntityType = type,
        EntityId = id.ToString(CultureInfo.InvariantCulture),
        Details = details,
    };
}
