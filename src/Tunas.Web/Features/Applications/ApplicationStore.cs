using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// One batch of applications in one transaction: the persons looked up by NIK in one query, unknown persons
/// added to the registry as self-registered and unverified (with their household, name tokens, audit entry and
/// suspected duplicates, as the registry does), earlier applications of the same persons found in one query,
/// and the new applications inserted by the provider's fast path with their audit entries.
/// </summary>
internal sealed class ApplicationStore(TunasDb db, TimeProvider clock)
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
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var fast = FastPath.For(connection, transaction);
        var sql = IntakeSql.For(connection, transaction);
        var audit = new List<AuditEntry>(items.Count * 2);

        // The persons, by agency and NIK.
        var persons = new Dictionary<(int Agency, string Nik), KnownPerson>();
        foreach (var group in items.GroupBy(i => i.AgencyId))
        {
            var agency = group.Key;
            var niks = group.Select(i => i.Values.Nik).Distinct(StringComparer.Ordinal).ToList();
            var found = await db.Persons.AsNoTracking()
                .Where(p => p.AgencyId == agency && niks.Contains(p.Nik))
                .Select(p => new { p.Id, p.Nik, p.VillageCode, p.WelfareDecile, p.Verified })
                .ToListAsync(ct);
            foreach (var p in found)
            {
                persons[(agency, p.Nik)] = new KnownPerson { Id = p.Id, VillageCode = p.VillageCode, WelfareDecile = p.WelfareDecile, Verified = p.Verified };
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
            await AddPersonsAsync(created, fast, audit, now, ct);
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
            await RenumberTakenAsync(applications.Select(a => a.Application).ToList(), numbers, ct);
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
            await FlagDuplicatesAsync(created.Select(c => c.Person.Id).ToList(), now, ct);
        }
        await tx.CommitAsync(ct);
        return [.. outcomes.Select(o => o!)];
    }

    private async Task AddPersonsAsync(List<(Person Person, PendingApplication Item)> created, FastPath fast, List<AuditEntry> audit, DateTime now, CancellationToken ct)
    {
        foreach (var group in created.GroupBy(c => c.Person.AgencyId))
        {
            var agency = group.Key;
            var cards = group.Select(c => c.Person.FamilyCardNumber!).Distinct(StringComparer.Ordinal).ToList();
            var households = await db.Households.AsNoTracking()
                .Where(h => h.AgencyId == agency && cards.Contains(h.FamilyCardNumber))
                .Select(h => new { h.Id, h.FamilyCardNumber })
                .ToDictionaryAsync(h => h.FamilyCardNumber, h => h.Id, StringComparer.Ordinal, ct);
            var missing = cards.Where(c => !households.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
            foreach (var (card, id) in await fast.InsertHouseholdsAsync(agency, [.. missing.Select(c => (c, (long?)null))], ct))
            {
                households[card] = id;
            }
            foreach (var (person, _) in group)
            {
                person.HouseholdId = households[person.FamilyCardNumber!];
            }
        }
        var people = created.Select(c => c.Person).ToList();
        await fast.AssignPersonIdsAsync(people, ct);
        await fast.InsertPersonsAsync(people, ct);
        await fast.InsertTokensAsync(
            [.. people.SelectMany(PersonNames.TokenRows)], ct);
        foreach (var (person, item) in created)
        {
            audit.Add(Entry(item, now, "person.created", "Person", person.Id,
                JsonSerializer.Serialize(PersonWriter.Snapshot(person), ApplicationJson.Default.DictionaryStringString)));
        }
    }

    /// <summary>A number drawn twice in 2^40 is rare, not impossible: a number already taken is drawn again.</summary>
    private async Task RenumberTakenAsync(List<Application> applications, HashSet<string> numbers, CancellationToken ct)
    {
        for (var round = 0; round < 5; round++)
        {
            var drawn = applications.Select(a => a.RegistrationNumber).ToList();
            var taken = (await db.Applications.AsNoTracking().Where(a => drawn.Contains(a.RegistrationNumber)).Select(a => a.RegistrationNumber).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            if (taken.Count == 0)
            {
                return;
            }
            foreach (var application in applications.Where(a => taken.Contains(a.RegistrationNumber)))
            {
                application.RegistrationNumber = Unique(numbers);
            }
        }
        throw new InvalidOperationException("No free registration number after five draws.");
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

    /// <summary>
    /// Pairs of a new person with someone of the same name and birth date, or the same name on the same family card
    /// (as <see cref="DuplicateDetector"/> flags them). On PostgreSQL the other person is looked up per new person
    /// (LATERAL), so that a table that grew faster than its statistics is never scanned whole.
    /// </summary>
    private async Task FlagDuplicatesAsync(List<long> ids, DateTime now, CancellationToken ct)
    {
        var list = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var lateral = !db.Database.IsSqlite();
        string Insert(string match, DuplicateReason reason) => $$"""
            INSERT INTO "SuspectedDuplicates" ("AgencyId", "PersonAId", "PersonBId", "Reason", "Status", "DetectedAt")
            SELECT n."AgencyId",
              CASE WHEN n."Id" < o."Id" THEN n."Id" ELSE o."Id" END, CASE WHEN n."Id" < o."Id" THEN o."Id" ELSE n."Id" END,
              {{(int)reason}}, {{(int)DuplicateStatus.Open}}, {0}
            FROM "Persons" n {{(lateral
                ? $"""CROSS JOIN LATERAL (SELECT o."Id" FROM "Persons" o WHERE o."AgencyId" = n."AgencyId" AND o."NameKey" = n."NameKey" AND {match} AND o."Id" <> n."Id" LIMIT 100) o"""
                : $"""JOIN "Persons" o ON o."AgencyId" = n."AgencyId" AND o."NameKey" = n."NameKey" AND {match} AND o."Id" <> n."Id" """)}}
            WHERE n."Id" IN ({{list}}) AND (o."Id" NOT IN ({{list}}) OR o."Id" > n."Id")
              AND NOT EXISTS (SELECT 1 FROM "SuspectedDuplicates" d
                WHERE d."PersonAId" = CASE WHEN n."Id" < o."Id" THEN n."Id" ELSE o."Id" END
                  AND d."PersonBId" = CASE WHEN n."Id" < o."Id" THEN o."Id" ELSE n."Id" END)
            """;
        await db.Database.ExecuteSqlRawAsync(Insert("""o."BirthDate" = n."BirthDate" """, DuplicateReason.SameNameAndBirthDate), [now], ct);
        await db.Database.ExecuteSqlRawAsync(Insert("""o."HouseholdId" = n."HouseholdId" """, DuplicateReason.SameNameInHousehold), [now], ct);
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

/// <summary>The inserts of the intake, by each provider's fast path (as <see cref="FastPath"/> does for persons).</summary>
internal abstract class IntakeSql
{
    protected const string ApplicationColumns = """
        "ProgramId", "PersonId", "RegistrationNumber", "FirstTrackId", "SecondTrackId", "VillageCode", "Phone", "Motivation",
        "Consent", "ConsentPurpose", "ConsentAt", "Channel", "EnteredById", "Status", "ChecksJson", "SubmittedAt"
        """;

    protected const string AuditColumns = """ "At", "AgencyId", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Details" """;

    public static IntakeSql For(DbConnection connection, DbTransaction transaction) => connection switch
    {
        SqliteConnection sqlite => new SqliteIntakeSql(sqlite, (SqliteTransaction)transaction),
        NpgsqlConnection npgsql => new PostgresIntakeSql(npgsql),
        _ => throw new NotSupportedException("Applications support SQLite and PostgreSQL."),
    };

    /// <summary>Inserts the applications and sets their <see cref="Application.Id"/>.</summary>
    public abstract Task InsertApplicationsAsync(List<Application> applications, CancellationToken ct);

    public abstract Task InsertAuditAsync(List<AuditEntry> entries, CancellationToken ct);

    protected static object?[] Values(Application a) =>
    [
        a.ProgramId, a.PersonId, a.RegistrationNumber, a.FirstTrackId, a.SecondTrackId, a.VillageCode, a.Phone, a.Motivation,
        a.Consent, a.ConsentPurpose, a.ConsentAt, a.Channel.ToString(), a.EnteredById, a.Status.ToString(), a.ChecksJson, a.SubmittedAt,
    ];

    protected static object?[] Values(AuditEntry e) => [e.At, e.AgencyId, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Details];
}

/// <summary>SQLite: one prepared statement per table, reused for every row, inside the batch's transaction.</summary>
internal sealed class SqliteIntakeSql(SqliteConnection connection, SqliteTransaction transaction) : IntakeSql
{
    // The loops call the synchronous Execute methods: SQLite runs in-process, and its async methods only add a task per row.
    public override Task InsertApplicationsAsync(List<Application> applications, CancellationToken ct)
    {
        using var command = Prepared($"""INSERT INTO "Applications" ({ApplicationColumns}) VALUES ({Names(16)}) RETURNING "Id" """, 16);
        foreach (var application in applications)
        {
            ct.ThrowIfCancellationRequested();
            Bind(command, Values(application));
            application.Id = (long)command.ExecuteScalar()!;
        }
        return Task.CompletedTask;
    }

    public override Task InsertAuditAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }
        using var command = Prepared($"""INSERT INTO "AuditEntries" ({AuditColumns}) VALUES ({Names(8)})""", 8);
        foreach (var entry in entries)
        {
            Bind(command, Values(entry));
            command.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    private SqliteCommand Prepared(string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = Name(i) });
        }
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static string Names(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(Name(i));
        }
        return sb.ToString();
    }

    private static string Name(int i) => "$p" + i.ToString(CultureInfo.InvariantCulture);
}

/// <summary>PostgreSQL: binary COPY, with application ids drawn from the table's own sequence first.</summary>
internal sealed class PostgresIntakeSql(NpgsqlConnection connection) : IntakeSql
{
    private static readonly NpgsqlDbType[] ApplicationTypes =
    [
        NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz,
    ];

    private static readonly NpgsqlDbType[] AuditTypes =
    [
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text,
    ];

    public override async Task InsertApplicationsAsync(List<Application> applications, CancellationToken ct)
    {
        await PostgresIds.AssignAsync(connection, "Applications", applications.Count, (i, id) => applications[i].Id = id, ct);
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "Applications" ("Id", {ApplicationColumns}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var application in applications)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(application.Id, NpgsqlDbType.Bigint, ct);
            await WriteRowAsync(writer, Values(application), ApplicationTypes, ct);
        }
        await writer.CompleteAsync(ct);
    }

    public override async Task InsertAuditAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "AuditEntries" ({AuditColumns}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var entry in entries)
        {
            await writer.StartRowAsync(ct);
            await WriteRowAsync(writer, Values(entry), AuditTypes, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter writer, object?[] values, NpgsqlDbType[] types, CancellationToken ct)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                await writer.WriteNullAsync(ct);
            }
            else
            {
                await writer.WriteAsync(values[i], types[i], ct);
            }
        }
    }
}
