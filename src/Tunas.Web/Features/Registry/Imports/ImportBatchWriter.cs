using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// A valid row waiting for the database, with which of its fields the file actually filled. The name's key and
/// search tokens are worked out while the file is read, so that the thread writing to the database only writes.
/// </summary>
public sealed record ImportRow(int RowNumber, PersonValues Values, int Present, string? RelationCell, string? VillageCell)
{
    public string NameKey { get; } = PersonNames.Key(Values.FullName);
    public string[] Tokens { get; } = [.. PersonNames.Tokens(Values.FullName)];

    public bool Has(ImportField field) => (Present & RowChecker.Bit(field)) != 0;
}

/// <summary>The rows between two commits.</summary>
public sealed class ImportBatch
{
    public List<ImportRow> Rows { get; } = [];
    public List<ImportRowError> Errors { get; } = [];

    /// <summary>Every row of the file this batch covers, valid or not.</summary>
    public int RowCount { get; set; }

    /// <summary>Rows refused before the database was asked.</summary>
    public int Rejected { get; set; }
}

public sealed record BatchResult(int Inserted, int Updated, int Unchanged, int Rejected);

/// <summary>What the importer knows of the job while it writes: who imports, where the counters stand.</summary>
public sealed record ImportJobState(Guid Id, int AgencyId, string? ActorId, string ActorName, int ProcessedRows, int Inserted, int Updated, int Unchanged, int Rejected)
{
    public ImportJobState Add(int rows, BatchResult r) => this with
    {
        ProcessedRows = ProcessedRows + rows,
        Inserted = Inserted + r.Inserted,
        Updated = Updated + r.Updated,
        Unchanged = Unchanged + r.Unchanged,
        Rejected = Rejected + r.Rejected,
    };
}

/// <summary>Another import wrote the same NIK or No. KK while this batch was being written; the batch is written again.</summary>
public sealed class ConcurrentImportException() : Exception("A concurrent import wrote the same rows; the batch is retried.");

/// <summary>
/// Writes one batch of checked rows in one transaction, together with the batch's refused rows and the job's
/// counters, so that an interruption loses the whole batch or nothing. Lookups go by lists of NIKs (never one query
/// per row); new rows go in by the provider's fast path (a reused prepared statement on SQLite, binary COPY on PostgreSQL); changed rows
/// are updated field by field and audited with old and new values. New persons get no audit entry each: their
/// <see cref="Person.ImportJobId"/> points at the job, which records who imported which file.
/// </summary>
public sealed class ImportBatchWriter(TunasDb db, TimeProvider clock)
{
    public async Task<BatchResult> WriteAsync(ImportJobState job, ImportBatch batch, ColumnLayout layout, string? operatorVillage, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var agency = job.AgencyId;
        var errors = new List<ImportRowError>(batch.Errors);

        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var fast = FastPath.For(connection, transaction);
        var existing = await fast.PersonsAsync(agency, batch.Rows.Select(r => r.Values.Nik).ToList(), ct);

        // Merge first (a blank or missing cell keeps what the registry knows), then households by the merged No. KK.
        var merged = new List<(ImportRow Row, Person Person, Person? Before)>(batch.Rows.Count);
        var rejected = 0;
        foreach (var row in batch.Rows)
        {
            var before = existing.GetValueOrDefault(row.Values.Nik);
            if (before is not null && operatorVillage is not null && before.VillageCode != operatorVillage)
            {
                errors.Add(ImportErrors.Create(job.Id, row.RowNumber, layout.HeaderOf(ImportField.VillageCode), row.VillageCell,
                    ImportMessages.RegisteredElsewhereMessage, [before.VillageCode], ImportMessages.OtherVillageAdvice));
                rejected++;
                continue;
            }
            merged.Add((row, before is null ? NewPerson(job, row, now) : Merge(before, row), before));
        }

        var cards = merged.Select(m => m.Person.FamilyCardNumber).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var households = await fast.HouseholdsAsync(agency, cards, ct);
        var headNiks = await fast.NiksAsync(agency, households.Values.Select(h => h.HeadPersonId).OfType<long>().ToList(), ct);

        // Heads: a family card has one. The head's NIK per card, as the registry has it and as this batch changes it.
        var heads = new Dictionary<string, string?>(StringComparer.Ordinal);
        var changedHeads = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<(ImportRow Row, Person Person, Person? Before)>(merged.Count);
        foreach (var m in merged)
        {
            var card = m.Person.FamilyCardNumber;
            if (card is null)
            {
                kept.Add(m);
                continue;
            }
            if (!heads.TryGetValue(card, out var head))
            {
                head = households.TryGetValue(card, out var h) && h.HeadPersonId is { } id ? headNiks.GetValueOrDefault(id) : null;
                heads[card] = head;
            }
            var nik = m.Person.Nik;
            if (m.Person.HouseholdRelation == HouseholdRelation.Head)
            {
                if (head is not null && head != nik)
                {
                    errors.Add(ImportErrors.Create(job.Id, m.Row.RowNumber, layout.HeaderOf(ImportField.HouseholdRelation), m.Row.RelationCell,
                        PersonMessages.SecondHeadMessage, [Nik.Mask(head)], PersonMessages.SecondHeadAdvice));
                    rejected++;
                    continue;
                }
                if (head is null)
                {
                    heads[card] = nik;
                    changedHeads.Add(card);
                }
            }
            else if (head == nik)
            {
                heads[card] = null;
                changedHeads.Add(card);
            }
            kept.Add(m);
        }

        // New persons get their ids first (sorted by NIK, so that two imports writing the same NIKs lock them in the same
        // order), so that a new family card is written with its head at once instead of being updated afterwards.
        var inserts = kept.Where(k => k.Before is null).Select(k => k.Person).ToList();
        inserts.Sort((a, b) => string.CompareOrdinal(a.Nik, b.Nik));
        await fast.AssignPersonIdsAsync(inserts, ct);
        var ids = kept.ToDictionary(k => k.Person.Nik, k => k.Person.Id, StringComparer.Ordinal);
        long? HeadOf(string card) => heads.GetValueOrDefault(card) is { } n && ids.TryGetValue(n, out var id) ? id : null;

        var missingCards = kept.Select(m => m.Person.FamilyCardNumber).OfType<string>()
            .Where(c => !households.ContainsKey(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var householdIds = households.ToDictionary(h => h.Key, h => h.Value.Id, StringComparer.Ordinal);
        foreach (var (card, id) in await fast.InsertHouseholdsAsync(agency, missingCards.Select(c => (c, HeadOf(c))).ToList(), ct))
        {
            householdIds[card] = id;
        }
        changedHeads.ExceptWith(missingCards);

        var tokens = kept.ToDictionary(k => k.Person.Nik, k => k.Row.Tokens, StringComparer.Ordinal);
        IEnumerable<PersonNameToken> Tokens(Person p) => PersonNames.TokenRows(p, tokens[p.Nik]);
        var updates = new List<(Person Person, Person Before, Dictionary<string, string?[]> Changes)>();
        var unchanged = 0;
        foreach (var (row, person, before) in kept)
        {
            person.HouseholdId = person.FamilyCardNumber is { } card ? householdIds[card] : null;
            if (before is null)
            {
                continue;
            }
            // Most rows of a file seen before are unchanged: compare fields before building the audit's snapshots.
            if (Same(before, person))
            {
                unchanged++;
                continue;
            }
            var changes = PersonWriter.Diff(PersonWriter.Snapshot(before), PersonWriter.Snapshot(person));
            person.UpdatedAt = now;
            updates.Add((person, before, changes));
        }

        await fast.InsertPersonsAsync(inserts, ct);
        await fast.InsertTokensAsync(inserts.SelectMany(Tokens).ToList(), ct);

        await UpdatePersonsAsync(connection, transaction, updates.Select(u => u.Person).ToList(), ct);
        var renamed = updates.Where(u => u.Person.FullName != u.Before.FullName).Select(u => u.Person).ToList();
        await ReplaceTokensAsync(connection, transaction, renamed, fast, renamed.SelectMany(Tokens).ToList(), ct);

        // A person who left a family card they headed leaves it without a head.
        var left = updates.Where(u => u.Before.HouseholdId is { } old && old != u.Person.HouseholdId).Select(u => (u.Before.HouseholdId!.Value, u.Person.Id)).ToList();
        var headChanges = changedHeads.Select(card => (householdIds[card], heads[card] is { } n ? ids.GetValueOrDefault(n, 0) : (long?)null))
            .Where(h => h.Item2 != 0).ToList();
        await fast.SetHeadsAsync(left, headChanges, ct);

        await fast.InsertErrorsAsync(errors, ct);

        foreach (var (person, _, changes) in updates.Where(u => u.Changes.Count > 0))
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                AgencyId = agency,
                ActorId = job.ActorId,
                ActorName = job.ActorName,
                Action = "person.changed",
                EntityType = "Person",
                EntityId = person.Id.ToString(CultureInfo.InvariantCulture),
                Details = JsonSerializer.Serialize(changes),
            });
        }
        await db.SaveChangesAsync(ct);

        var result = new BatchResult(inserts.Count, updates.Count, unchanged, batch.Rejected + rejected);
        var counters = job.Add(batch.RowCount, result);
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.ProcessedRows, counters.ProcessedRows)
            .SetProperty(j => j.Inserted, counters.Inserted)
            .SetProperty(j => j.Updated, counters.Updated)
            .SetProperty(j => j.Unchanged, counters.Unchanged)
            .SetProperty(j => j.Rejected, counters.Rejected), ct);

        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }

    private static Person NewPerson(ImportJobState job, ImportRow row, DateTime now)
    {
        var v = row.Values;
        return new Person
        {
            AgencyId = job.AgencyId,
            Nik = v.Nik,
            FamilyCardNumber = v.FamilyCardNumber,
            FullName = v.FullName,
            NameKey = row.NameKey,
            Sex = v.Sex,
            BirthPlace = v.BirthPlace,
            BirthDate = v.BirthDate,
            Address = v.Address,
            Rt = v.Rt,
            Rw = v.Rw,
            VillageCode = v.VillageCode,
            Phone = v.Phone,
            Education = v.Education,
            Occupation = v.Occupation,
            EmploymentStatus = v.EmploymentStatus,
            MaritalStatus = v.MaritalStatus,
            HouseholdRelation = v.HouseholdRelation,
            Disability = v.Disability,
            WelfareDecile = v.WelfareDecile,
            WelfareSource = v.WelfareSource,
            WelfareAsOf = v.WelfareAsOf,
            Origin = PersonOrigin.Imported,
            ImportJobId = job.Id,
            Verified = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The registry's person with the file's values laid over it. A cell the file left blank, or a column it does
    /// not have, keeps what the registry knows: an import adds and corrects, it never erases.
    /// </summary>
    public static Person Merge(Person before, ImportRow row)
    {
        var v = row.Values;
        T Pick<T>(ImportField field, T value, T old) => row.Has(field) ? value : old;
        return new Person
        {
            Id = before.Id,
            AgencyId = before.AgencyId,
            Nik = before.Nik,
            FamilyCardNumber = Pick(ImportField.FamilyCardNumber, v.FamilyCardNumber, before.FamilyCardNumber),
            HouseholdId = before.HouseholdId,
            FullName = v.FullName,
            NameKey = row.NameKey,
            Sex = v.Sex,
            BirthPlace = Pick(ImportField.BirthPlace, v.BirthPlace, before.BirthPlace),
            BirthDate = v.BirthDate,
            Address = Pick(ImportField.Address, v.Address, before.Address),
            Rt = Pick(ImportField.Rt, v.Rt, before.Rt),
            Rw = Pick(ImportField.Rw, v.Rw, before.Rw),
            VillageCode = v.VillageCode,
            Phone = Pick(ImportField.Phone, v.Phone, before.Phone),
            Education = Pick(ImportField.Education, v.Education, before.Education),
            Occupation = Pick(ImportField.Occupation, v.Occupation, before.Occupation),
            EmploymentStatus = Pick(ImportField.EmploymentStatus, v.EmploymentStatus, before.EmploymentStatus),
            MaritalStatus = Pick(ImportField.MaritalStatus, v.MaritalStatus, before.MaritalStatus),
            HouseholdRelation = Pick(ImportField.HouseholdRelation, v.HouseholdRelation, before.HouseholdRelation),
            Disability = Pick(ImportField.Disability, v.Disability, before.Disability),
            WelfareDecile = Pick(ImportField.WelfareDecile, v.WelfareDecile, before.WelfareDecile),
            WelfareSource = Pick(ImportField.WelfareSource, v.WelfareSource, before.WelfareSource),
            WelfareAsOf = Pick(ImportField.WelfareAsOf, v.WelfareAsOf, before.WelfareAsOf),
            Origin = before.Origin,
            ImportJobId = before.ImportJobId,
            Verified = before.Verified,
            CreatedAt = before.CreatedAt,
            UpdatedAt = before.UpdatedAt,
        };
    }

    /// <summary>Every stored field of the two the same (those the audit shows, and the household).</summary>
    public static bool Same(Person a, Person b) =>
        a.FamilyCardNumber == b.FamilyCardNumber && a.HouseholdId == b.HouseholdId && a.FullName == b.FullName && a.Sex == b.Sex
        && a.BirthPlace == b.BirthPlace && a.BirthDate == b.BirthDate && a.Address == b.Address && a.Rt == b.Rt && a.Rw == b.Rw
        && a.VillageCode == b.VillageCode && a.Phone == b.Phone && a.Education == b.Education && a.Occupation == b.Occupation
        && a.EmploymentStatus == b.EmploymentStatus && a.MaritalStatus == b.MaritalStatus && a.HouseholdRelation == b.HouseholdRelation
        && a.Disability == b.Disability && a.WelfareDecile == b.WelfareDecile && a.WelfareSource == b.WelfareSource && a.WelfareAsOf == b.WelfareAsOf;

    private static async Task UpdatePersonsAsync(DbConnection connection, DbTransaction transaction, List<Person> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE "Persons" SET "FamilyCardNumber" = @kk, "HouseholdId" = @household, "FullName" = @name, "NameKey" = @key,
              "BirthPlace" = @place, "Address" = @address, "Rt" = @rt, "Rw" = @rw, "VillageCode" = @village, "Phone" = @phone,
              "Education" = @education, "Occupation" = @occupation, "EmploymentStatus" = @employment, "MaritalStatus" = @marital,
              "HouseholdRelation" = @relation, "Disability" = @disability, "WelfareDecile" = @decile, "WelfareSource" = @source,
              "WelfareAsOf" = @asof, "UpdatedAt" = @updated
            WHERE "Id" = @id
            """;
        var p = Parameters(command, "kk", "household", "name", "key", "place", "address", "rt", "rw", "village", "phone", "education",
            "occupation", "employment", "marital", "relation", "disability", "decile", "source", "asof", "updated", "id");
        foreach (var person in persons)
        {
            Set(p[0], person.FamilyCardNumber);
            Set(p[1], person.HouseholdId);
            Set(p[2], person.FullName);
            Set(p[3], person.NameKey);
            Set(p[4], person.BirthPlace);
            Set(p[5], person.Address);
            Set(p[6], person.Rt);
            Set(p[7], person.Rw);
            Set(p[8], person.VillageCode);
            Set(p[9], person.Phone);
            Set(p[10], (int?)person.Education);
            Set(p[11], person.Occupation);
            Set(p[12], (int?)person.EmploymentStatus);
            Set(p[13], (int?)person.MaritalStatus);
            Set(p[14], (int?)person.HouseholdRelation);
            Set(p[15], person.Disability);
            Set(p[16], person.WelfareDecile);
            Set(p[17], person.WelfareSource);
            Set(p[18], person.WelfareAsOf);
            Set(p[19], person.UpdatedAt);
            Set(p[20], person.Id);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task ReplaceTokensAsync(DbConnection connection, DbTransaction transaction, List<Person> renamed, FastPath fast,
        List<PersonNameToken> tokens, CancellationToken ct)
    {
        if (renamed.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """DELETE FROM "PersonNameTokens" WHERE "PersonId" = @id""";
        var id = Parameters(command, "id")[0];
        foreach (var person in renamed)
        {
            id.Value = person.Id;
            await command.ExecuteNonQueryAsync(ct);
        }
        await fast.InsertTokensAsync(tokens, ct);
    }

    private static DbParameter[] Parameters(DbCommand command, params string[] names) =>
        names.Select(n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + n;
            command.Parameters.Add(p);
            return p;
        }).ToArray();

    private static void Set(DbParameter parameter, object? value)
    {
        parameter.Value = value ?? DBNull.Value;
        // Npgsql needs to know the type of a NULL; SQLite does not mind.
        if (parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = value switch
            {
                null => npgsql.NpgsqlDbType,
                string => NpgsqlDbType.Varchar,
                long => NpgsqlDbType.Bigint,
                int => NpgsqlDbType.Integer,
                bool => NpgsqlDbType.Boolean,
                DateOnly => NpgsqlDbType.Date,
                DateTime => NpgsqlDbType.TimestampTz,
                _ => npgsql.NpgsqlDbType,
            };
        }
    }
}

/// <summary>Row errors as stored: the cell's column and value (NIK and No. KK masked), the English message and its arguments.</summary>
public static class ImportErrors
{
    public static ImportRowError Create(Guid jobId, int rowNumber, string column, string? value, string message, IReadOnlyList<string> args, string? advice) => new()
    {
        ImportJobId = jobId,
        RowNumber = rowNumber,
        Column = Cut(column, 100)!,
        Value = Cut(value, 300),
        Problem = message,
        Arguments = args.Count == 0 ? null : Cut(JsonSerializer.Serialize(args.Select(a => Cut(a, 150))), 1000),
        Advice = advice,
    };

    public static string[] Arguments(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

/// <summary>The bulk inserts of an import, by each provider's fastest path.</summary>
internal abstract class FastPath
{
    public static FastPath For(DbConnection connection, DbTransaction transaction) => connection switch
    {
        SqliteConnection sqlite => new SqliteFastPath(sqlite, (SqliteTransaction)transaction),
        NpgsqlConnection npgsql => new PostgresFastPath(npgsql),
        _ => throw new NotSupportedException("Imports support SQLite and PostgreSQL."),
    };

    /// <summary>The agency's persons with these NIKs, every field the importer compares or keeps.</summary>
    public async Task<Dictionary<string, Person>> PersonsAsync(int agencyId, List<string> niks, CancellationToken ct)
    {
        var found = new Dictionary<string, Person>(niks.Count, StringComparer.Ordinal);
        await QueryInAsync($"""
            SELECT "Id", "Nik", "FamilyCardNumber", "HouseholdId", "FullName", "Sex", "BirthPlace", "BirthDate", "Address", "Rt", "Rw",
              "VillageCode", "Phone", "Education", "Occupation", "EmploymentStatus", "MaritalStatus", "HouseholdRelation", "Disability",
              "WelfareDecile", "WelfareSource", "WelfareAsOf", "Origin", "ImportJobId", "Verified", "CreatedAt", "UpdatedAt"
            FROM "Persons" WHERE "AgencyId" = {Invariant(agencyId)}
            """, "\"Nik\"", niks, r =>
        {
            var p = new Person
            {
                Id = r.GetInt64(0),
                AgencyId = agencyId,
                Nik = r.GetString(1),
                FamilyCardNumber = Text(r, 2),
                HouseholdId = r.IsDBNull(3) ? null : r.GetInt64(3),
                FullName = r.GetString(4),
                NameKey = "",
                Sex = (Sex)r.GetInt32(5),
                BirthPlace = Text(r, 6),
                BirthDate = r.GetFieldValue<DateOnly>(7),
                Address = Text(r, 8),
                Rt = Text(r, 9),
                Rw = Text(r, 10),
                VillageCode = r.GetString(11),
                Phone = Text(r, 12),
                Education = Code<Education>(r, 13),
                Occupation = Text(r, 14),
                EmploymentStatus = Code<EmploymentStatus>(r, 15),
                MaritalStatus = Code<MaritalStatus>(r, 16),
                HouseholdRelation = Code<HouseholdRelation>(r, 17),
                Disability = r.GetBoolean(18),
                WelfareDecile = r.IsDBNull(19) ? null : r.GetInt32(19),
                WelfareSource = Text(r, 20),
                WelfareAsOf = r.IsDBNull(21) ? null : r.GetFieldValue<DateOnly>(21),
                Origin = (PersonOrigin)r.GetInt32(22),
                ImportJobId = r.IsDBNull(23) ? null : r.GetGuid(23),
                Verified = r.GetBoolean(24),
                CreatedAt = r.GetDateTime(25),
                UpdatedAt = r.GetDateTime(26),
            };
            found[p.Nik] = p;
        }, ct);
        return found;
    }

    /// <summary>The agency's households with these numbers.</summary>
    public async Task<Dictionary<string, Household>> HouseholdsAsync(int agencyId, List<string> cards, CancellationToken ct)
    {
        var found = new Dictionary<string, Household>(cards.Count, StringComparer.Ordinal);
        await QueryInAsync($"""SELECT "Id", "FamilyCardNumber", "HeadPersonId" FROM "Households" WHERE "AgencyId" = {Invariant(agencyId)}""",
            "\"FamilyCardNumber\"", cards, r => found[r.GetString(1)] = new Household
            {
                Id = r.GetInt64(0),
                AgencyId = agencyId,
                FamilyCardNumber = r.GetString(1),
                HeadPersonId = r.IsDBNull(2) ? null : r.GetInt64(2),
            }, ct);
        return found;
    }

    /// <summary>The NIKs of these persons (the heads of households, for the "second head" message).</summary>
    public async Task<Dictionary<long, string>> NiksAsync(int agencyId, List<long> ids, CancellationToken ct)
    {
        var found = new Dictionary<long, string>(ids.Count);
        await QueryInAsync($"""SELECT "Id", "Nik" FROM "Persons" WHERE "AgencyId" = {Invariant(agencyId)}""", "\"Id\"", ids,
            r => found[r.GetInt64(0)] = r.GetString(1), ct);
        return found;
    }

    /// <summary>Values per lookup query: the index is used for each, and no parameter is large.</summary>
    protected const int ListSize = 500;

    /// <summary>Runs <paramref name="select"/> (ending in a WHERE clause) for the rows whose <paramref name="column"/> is one of <paramref name="values"/>.</summary>
    protected abstract Task QueryInAsync<T>(string select, string column, IReadOnlyList<T> values, Action<DbDataReader> row, CancellationToken ct);

    /// <summary>New households by No. KK, each with its head (a person id, perhaps of a person not written yet); their ids by No. KK.</summary>
    public abstract Task<IReadOnlyList<(string Card, long Id)>> InsertHouseholdsAsync(int agencyId, List<(string Card, long? Head)> households, CancellationToken ct);

    /// <summary>Gives each new person its <see cref="Person.Id"/>, in order, before anything is written.</summary>
    public abstract Task AssignPersonIdsAsync(List<Person> persons, CancellationToken ct);

    /// <summary>Inserts the persons, whose ids were given by <see cref="AssignPersonIdsAsync"/>.</summary>
    public abstract Task InsertPersonsAsync(List<Person> persons, CancellationToken ct);

    public abstract Task InsertTokensAsync(List<PersonNameToken> tokens, CancellationToken ct);

    public abstract Task InsertErrorsAsync(List<ImportRowError> errors, CancellationToken ct);

    /// <summary>Clears the head of the households these persons left (where they were its head), then sets the new heads.</summary>
    public abstract Task SetHeadsAsync(List<(long Household, long Person)> left, List<(long Household, long? Head)> heads, CancellationToken ct);

    protected const string PersonColumns = """
        "AgencyId", "Nik", "FamilyCardNumber", "HouseholdId", "FullName", "NameKey", "Sex", "BirthPlace", "BirthDate", "Address",
        "Rt", "Rw", "VillageCode", "Phone", "Education", "Occupation", "EmploymentStatus", "MaritalStatus", "HouseholdRelation",
        "Disability", "WelfareDecile", "WelfareSource", "WelfareAsOf", "Origin", "ImportJobId", "Verified", "CreatedAt", "UpdatedAt"
        """;

    protected const string ErrorColumns = """ "ImportJobId", "RowNumber", "Column", "Value", "Problem", "Arguments", "Advice" """;

    protected static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static T? Code<T>(DbDataReader r, int i) where T : struct, Enum =>
        r.IsDBNull(i) ? null : (T)Enum.ToObject(typeof(T), r.GetInt32(i));

    /// <summary>A person's column values in the order of <see cref="PersonColumns"/>.</summary>
    protected static object?[] Values(Person p) =>
    [
        p.AgencyId, p.Nik, p.FamilyCardNumber, p.HouseholdId, p.FullName, p.NameKey, (int)p.Sex, p.BirthPlace, p.BirthDate, p.Address,
        p.Rt, p.Rw, p.VillageCode, p.Phone, (int?)p.Education, p.Occupation, (int?)p.EmploymentStatus, (int?)p.MaritalStatus, (int?)p.HouseholdRelation,
        p.Disability, p.WelfareDecile, p.WelfareSource, p.WelfareAsOf, (int)p.Origin, p.ImportJobId, p.Verified, p.CreatedAt, p.UpdatedAt,
    ];
}

/// <summary>SQLite: one prepared statement per table, reused for every row, inside the batch's transaction.</summary>
internal sealed class SqliteFastPath(SqliteConnection connection, SqliteTransaction transaction) : FastPath
{
    private static readonly SqliteType[] PersonTypes =
    [
        SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Text,
        SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Integer,
        SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text,
    ];

    protected override async Task QueryInAsync<T>(string select, string column, IReadOnlyList<T> values, Action<DbDataReader> row, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return;
        }
        var size = Math.Min(ListSize, values.Count);
        var names = Enumerable.Range(0, size).Select(i => "$v" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        await using var command = Command($"{select} AND {column} IN ({string.Join(", ", names)})");
        var parameters = names.Select(n => command.Parameters.Add(n, typeof(T) == typeof(string) ? SqliteType.Text : SqliteType.Integer)).ToArray();
        command.Prepare();
        for (var start = 0; start < values.Count; start += size)
        {
            for (var i = 0; i < size; i++)
            {
                // The last list is padded with NULL, which IN never matches.
                parameters[i].Value = start + i < values.Count ? values[start + i] : DBNull.Value;
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
    }

    // The loops below call the synchronous Execute methods: SQLite runs in-process, and its async methods only add a task per row.
    public override async Task<IReadOnlyList<(string Card, long Id)>> InsertHouseholdsAsync(int agencyId, List<(string Card, long? Head)> households, CancellationToken ct)
    {
        var ids = new List<(string, long)>(households.Count);
        if (households.Count == 0)
        {
            return ids;
        }
        var next = await NextIdAsync("Households", ct);
        await using var command = Command("""INSERT INTO "Households" ("Id", "AgencyId", "FamilyCardNumber", "HeadPersonId") VALUES ($id, $agency, $card, $head)""");
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        command.Parameters.Add("$agency", SqliteType.Integer).Value = agencyId;
        var card = command.Parameters.Add("$card", SqliteType.Text);
        var head = command.Parameters.Add("$head", SqliteType.Integer);
        command.Prepare();
        foreach (var (c, h) in households)
        {
            ct.ThrowIfCancellationRequested();
            id.Value = next;
            card.Value = c;
            head.Value = (object?)h ?? DBNull.Value;
            command.ExecuteNonQuery();
            ids.Add((c, next++));
        }
        return ids;
    }

    public override async Task AssignPersonIdsAsync(List<Person> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return;
        }
        var next = await NextIdAsync("Persons", ct);
        foreach (var person in persons)
        {
            person.Id = next++;
        }
    }

    public override async Task InsertPersonsAsync(List<Person> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return;
        }
        var names = Enumerable.Range(0, PersonTypes.Length).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        await using var command = Command($"""INSERT INTO "Persons" ("Id", {PersonColumns}) VALUES ($id, {string.Join(", ", names)})""");
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var parameters = names.Select((n, i) => command.Parameters.Add(n, PersonTypes[i])).ToArray();
        command.Prepare();
        foreach (var person in persons)
        {
            ct.ThrowIfCancellationRequested();
            id.Value = person.Id;
            var values = Values(person);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }

    public override async Task InsertTokensAsync(List<PersonNameToken> tokens, CancellationToken ct)
    {
        if (tokens.Count == 0)
        {
            return;
        }
        await using var command = Command("""INSERT INTO "PersonNameTokens" ("AgencyId", "Token", "PersonId", "NameKey") VALUES ($agency, $token, $person, $key)""");
        var agency = command.Parameters.Add("$agency", SqliteType.Integer);
        var token = command.Parameters.Add("$token", SqliteType.Text);
        var person = command.Parameters.Add("$person", SqliteType.Integer);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Prepare();
        foreach (var t in tokens)
        {
            agency.Value = t.AgencyId;
            token.Value = t.Token;
            person.Value = t.PersonId;
            key.Value = t.NameKey;
            command.ExecuteNonQuery();
        }
    }

    public override async Task InsertErrorsAsync(List<ImportRowError> errors, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return;
        }
        await using var command = Command($"""INSERT INTO "ImportRowErrors" ({ErrorColumns}) VALUES ($job, $row, $column, $value, $problem, $args, $advice)""");
        var job = command.Parameters.Add("$job", SqliteType.Text);
        var row = command.Parameters.Add("$row", SqliteType.Integer);
        var column = command.Parameters.Add("$column", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Text);
        var problem = command.Parameters.Add("$problem", SqliteType.Text);
        var args = command.Parameters.Add("$args", SqliteType.Text);
        var advice = command.Parameters.Add("$advice", SqliteType.Text);
        command.Prepare();
        foreach (var e in errors)
        {
            job.Value = e.ImportJobId;
            row.Value = e.RowNumber;
            column.Value = e.Column;
            value.Value = (object?)e.Value ?? DBNull.Value;
            problem.Value = e.Problem;
            args.Value = (object?)e.Arguments ?? DBNull.Value;
            advice.Value = (object?)e.Advice ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    public override Task SetHeadsAsync(List<(long Household, long Person)> left, List<(long Household, long? Head)> heads, CancellationToken ct)
    {
        if (left.Count > 0)
        {
            using var clear = Command("""UPDATE "Households" SET "HeadPersonId" = NULL WHERE "Id" = $household AND "HeadPersonId" = $person""");
            var household = clear.Parameters.Add("$household", SqliteType.Integer);
            var person = clear.Parameters.Add("$person", SqliteType.Integer);
            clear.Prepare();
            foreach (var (h, p) in left)
            {
                household.Value = h;
                person.Value = p;
                clear.ExecuteNonQuery();
            }
        }
        if (heads.Count > 0)
        {
            using var set = Command("""UPDATE "Households" SET "HeadPersonId" = $head WHERE "Id" = $household""");
            var head = set.Parameters.Add("$head", SqliteType.Integer);
            var household = set.Parameters.Add("$household", SqliteType.Integer);
            set.Prepare();
            foreach (var (h, p) in heads)
            {
                head.Value = (object?)p ?? DBNull.Value;
                household.Value = h;
                set.ExecuteNonQuery();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The next id of an AUTOINCREMENT table. The batch's transaction holds SQLite's only write lock (it began
    /// IMMEDIATE), so no other writer can take the same ids; ids of deleted rows are not reused (sqlite_sequence).
    /// </summary>
    private async Task<long> NextIdAsync(string table, CancellationToken ct)
    {
        await using var command = Command($"""
            SELECT MAX(n) FROM (SELECT "seq" AS n FROM "sqlite_sequence" WHERE "name" = '{table}' UNION ALL SELECT MAX("Id") FROM "{table}" UNION ALL SELECT 0)
            """);
        return (long)(await command.ExecuteScalarAsync(ct))! + 1;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

/// <summary>PostgreSQL: binary COPY, with person ids drawn from the table's own sequence first.</summary>
internal sealed class PostgresFastPath(NpgsqlConnection connection) : FastPath
{
    protected override async Task QueryInAsync<T>(string select, string column, IReadOnlyList<T> values, Action<DbDataReader> row, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return;
        }
        // In lists of a few hundred (for five thousand values at once the planner picks a scan of the whole table), all
        // of them in one round trip.
        await using var batch = new NpgsqlBatch(connection);
        foreach (var chunk in values.Chunk(ListSize))
        {
            var command = new NpgsqlBatchCommand($"{select} AND {column} = ANY(@values)");
            command.Parameters.AddWithValue("values", chunk);
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        while (await reader.NextResultAsync(ct));
    }

    public override async Task<IReadOnlyList<(string Card, long Id)>> InsertHouseholdsAsync(int agencyId, List<(string Card, long? Head)> households, CancellationToken ct)
    {
        var ids = new List<(string, long)>(households.Count);
        if (households.Count == 0)
        {
            return ids;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO "Households" ("AgencyId", "FamilyCardNumber", "HeadPersonId")
            SELECT @agency, h.card, h.head FROM unnest(@cards, @heads) AS h(card, head) ORDER BY h.card
            ON CONFLICT ("AgencyId", "FamilyCardNumber") DO NOTHING
            RETURNING "FamilyCardNumber", "Id"
            """, connection);
        command.Parameters.AddWithValue("agency", agencyId);
        command.Parameters.AddWithValue("cards", households.Select(h => h.Card).ToArray());
        command.Parameters.Add(new NpgsqlParameter("heads", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = households.Select(h => h.Head).ToArray() });
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }
        if (ids.Count != households.Count)
        {
            // Another import created one of these family cards since this batch looked: look again from the start.
            throw new ConcurrentImportException();
        }
        return ids;
    }

    public override async Task AssignPersonIdsAsync(List<Person> persons, CancellationToken ct)
    {
        if (persons.Count > 0)
        {
            await PostgresIds.AssignAsync(connection, "Persons", persons.Count, (i, id) => persons[i].Id = id, ct);
        }
    }

    public override async Task InsertPersonsAsync(List<Person> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return;
        }
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "Persons" ("Id", {PersonColumns}) FROM STDIN (FORMAT BINARY)""", ct);
        // Synchronous, typed writes: the importer fills its buffer in memory and only sends it when full, so an awaited
        // call per field and a boxed value per field cost more than the field itself.
        foreach (var p in persons)
        {
            ct.ThrowIfCancellationRequested();
            writer.StartRow();
            writer.Write(p.Id, NpgsqlDbType.Bigint);
            writer.Write(p.AgencyId, NpgsqlDbType.Integer);
            writer.Write(p.Nik, NpgsqlDbType.Varchar);
            Write(writer, p.FamilyCardNumber);
            Write(writer, p.HouseholdId, NpgsqlDbType.Bigint);
            writer.Write(p.FullName, NpgsqlDbType.Varchar);
            writer.Write(p.NameKey, NpgsqlDbType.Varchar);
            writer.Write((int)p.Sex, NpgsqlDbType.Integer);
            Write(writer, p.BirthPlace);
            writer.Write(p.BirthDate, NpgsqlDbType.Date);
            Write(writer, p.Address);
            Write(writer, p.Rt);
            Write(writer, p.Rw);
            writer.Write(p.VillageCode, NpgsqlDbType.Varchar);
            Write(writer, p.Phone);
            Write(writer, (int?)p.Education, NpgsqlDbType.Integer);
            Write(writer, p.Occupation);
            Write(writer, (int?)p.EmploymentStatus, NpgsqlDbType.Integer);
            Write(writer, (int?)p.MaritalStatus, NpgsqlDbType.Integer);
            Write(writer, (int?)p.HouseholdRelation, NpgsqlDbType.Integer);
            writer.Write(p.Disability, NpgsqlDbType.Boolean);
            Write(writer, p.WelfareDecile, NpgsqlDbType.Integer);
            Write(writer, p.WelfareSource);
            Write(writer, p.WelfareAsOf, NpgsqlDbType.Date);
            writer.Write((int)p.Origin, NpgsqlDbType.Integer);
            Write(writer, p.ImportJobId, NpgsqlDbType.Uuid);
            writer.Write(p.Verified, NpgsqlDbType.Boolean);
            writer.Write(p.CreatedAt, NpgsqlDbType.TimestampTz);
            writer.Write(p.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync(ct);
    }

    public override async Task InsertTokensAsync(List<PersonNameToken> tokens, CancellationToken ct)
    {
        if (tokens.Count == 0)
        {
            return;
        }
        await using var writer = await connection.BeginBinaryImportAsync("""COPY "PersonNameTokens" ("AgencyId", "Token", "PersonId", "NameKey") FROM STDIN (FORMAT BINARY)""", ct);
        // Synchronous writes, as for the persons: they fill Npgsql's buffer and only block when it goes out.
        foreach (var t in tokens)
        {
            writer.StartRow();
            writer.Write(t.AgencyId, NpgsqlDbType.Integer);
            writer.Write(t.Token, NpgsqlDbType.Varchar);
            writer.Write(t.PersonId, NpgsqlDbType.Bigint);
            writer.Write(t.NameKey, NpgsqlDbType.Varchar);
        }
        await writer.CompleteAsync(ct);
    }

    public override async Task InsertErrorsAsync(List<ImportRowError> errors, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return;
        }
        await using var writer = await connection.BeginBinaryImportAsync($"""COPY "ImportRowErrors" ({ErrorColumns}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var e in errors)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(e.ImportJobId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(e.RowNumber, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(e.Column, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Value, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(e.Problem, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Arguments, NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, e.Advice, NpgsqlDbType.Varchar, ct);
        }
        await writer.CompleteAsync(ct);
    }

    public override async Task SetHeadsAsync(List<(long Household, long Person)> left, List<(long Household, long? Head)> heads, CancellationToken ct)
    {
        // One statement each, whatever the number of households (one per household was a round trip per family card).
        if (left.Count > 0)
        {
            await using var clear = new NpgsqlCommand("""
                UPDATE "Households" h SET "HeadPersonId" = NULL
                FROM unnest(@households, @persons) AS l(household, person)
                WHERE h."Id" = l.household AND h."HeadPersonId" = l.person
                """, connection);
            clear.Parameters.AddWithValue("households", left.Select(l => l.Household).ToArray());
            clear.Parameters.AddWithValue("persons", left.Select(l => l.Person).ToArray());
            await clear.ExecuteNonQueryAsync(ct);
        }
        if (heads.Count > 0)
        {
            await using var set = new NpgsqlCommand("""
                UPDATE "Households" h SET "HeadPersonId" = s.head
                FROM unnest(@households, @heads) AS s(household, head)
                WHERE h."Id" = s.household
                """, connection);
            set.Parameters.AddWithValue("households", heads.Select(h => h.Household).ToArray());
            set.Parameters.Add(new NpgsqlParameter("heads", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = heads.Select(h => h.Head).ToArray() });
            await set.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Write(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void Write<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
