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
        public Person? Created;

        public long PersonId => Created?.Id ?? Id;
    }

    private sealed record KnownApplication(string RegistrationNumber, ApplicationStatus Status, string? ChecksJson);

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
                persons[(agency, nik)] = new KnownPerson { Id = p.Id, VillageCode = p.VillageCode, WelfareDecile = p.WelfareDecile, Verified = p.Verified };
            }
        }

        var created = new List<(Person Person, PendingApplication Item)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (persons.TryGetValue((item.AgencyId, item.Values.Nik), out var known))
            {
                if (known.Created is null && item.RequiredVillage is { } own && known.VillageCode != own)
                {
                    outcomes[i] = new WriteOutcome(WriteStatus.RegisteredElsewhere, OtherVillage: known.VillageCode);
                }
                continue;
            }
            var person = NewPerson(item, now);
            created.Add((person, item));
            persons[(item.AgencyId, item.Values.Nik)] = new KnownPerson { VillageCode = person.VillageCode, Created = person };
        }
        if (created.Count > 0)
        {
            await AddPersonsAsync(created, bulk, audit, now, ct);
        }

        // Earlier applications of these persons to these programs.
        var applied = new Dictionary<(int Program, long Person), KnownApplication>();
        var existingIds = persons.Values.Where(p => p.Created is null).Select(p => p.Id).ToList();
        if (existingIds.Count > 0)
        {
            var programIds = items.Select(i => i.ProgramId).Distinct().ToList();
            var earlier = await db.Applications.AsNoTracking()
                .Where(a => existingIds.Contains(a.PersonId) && programIds.Contains(a.ProgramId))
                .Select(a => new { a.ProgramId, a.PersonId, a.RegistrationNumber, a.Status, a.ChecksJson })
                .ToListAsync(ct);
            foreach (var a in earlier)
            {
                applied[(a.ProgramId, a.PersonId)] = new KnownApplication(a.RegistrationNumber, a.Status, a.ChecksJson);
            }
        }

        // New applications; a second one of the same person to the same program in this batch gets the first's number.
        var applications = new List<(Application Application, PendingApplication Item, List<IntakeCheck> Checks)>();
        var target = new int[items.Count];
        var inBatch = new Dictionary<(int Program, long Person), int>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (outcomes[i] is not null)
            {
                continue;
            }
            var item = items[i];
            var person = persons[(item.AgencyId, item.Values.Nik)];
            var key = (item.ProgramId, person.PersonId);
            if (applied.TryGetValue(key, out var earlier))
            {
                outcomes[i] = new WriteOutcome(WriteStatus.Existing, earlier.RegistrationNumber, earlier.Status, earlier.ChecksJson);
                continue;
            }
            if (inBatch.TryGetValue(key, out var first))
            {
                target[i] = -first - 1;
                continue;
            }
            var checks = new List<IntakeCheck>(item.Checks.Count + 2);
            checks.AddRange(item.Checks);
            ApplicationRules.AddRegistryChecks(checks, person.Created is not null, person.Verified, person.WelfareDecile);
            inBatch[key] = applications.Count;
            target[i] = applications.Count + 1;
            applications.Add((NewApplication(item, person.PersonId, Unique(numbers), ApplicationJson.Checks(checks)), item, checks));
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
                        application.RegistrationNumber, application.Status, application.ChecksJson, checks);
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
