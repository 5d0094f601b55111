using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Bulk;

/// <summary>
/// The one bulk path for persons, used by imports and by the application intake: lookups by lists of NIKs, family
/// card numbers or ids (never one query per row), and writes by each provider's fastest path: a reused prepared
/// statement on SQLite, binary COPY on PostgreSQL. Everything runs inside the caller's transaction, which must be open;
/// on SQLite it holds the only write lock, so the ids given out here are taken by nobody else.
/// </summary>
public abstract class PersonBulkWriter
{
    private protected PersonBulkWriter(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    private protected DbConnection Connection { get; }

    private protected DbTransaction Transaction { get; }

    /// <summary>The bulk path on the database's connection, inside its current transaction.</summary>
    public static PersonBulkWriter For(TunasDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk path writes inside a transaction: begin one first.");
        return db.Database.GetDbConnection() switch
        {
            SqliteConnection sqlite => new SqlitePersonBulkWriter(sqlite, (SqliteTransaction)transaction),
            NpgsqlConnection npgsql => new PostgresPersonBulkWriter(npgsql, transaction),
            _ => throw new NotSupportedException("The registry supports SQLite and PostgreSQL."),
        };
    }

    /// <summary>The agency's persons with these NIKs, every field the importer compares or keeps.</summary>
    public async Task<Dictionary<string, Person>> PersonsAsync(int agencyId, IReadOnlyCollection<string> niks, CancellationToken ct)
    {
        var found = new Dictionary<string, Person>(niks.Count, StringComparer.Ordinal);
        await QueryInAsync($"""
            SELECT "Id", "Nik", "FamilyCardNumber", "HouseholdId", "FullName", "Sex", "BirthPlace", "BirthDate", "Address", "Rt", "Rw",
              "VillageCode", "Phone", "Education", "Occupation", "EmploymentStatus", "MaritalStatus", "HouseholdRelation", "Disability",
              "WelfareDecile", "WelfareSource", "WelfareAsOf", "Origin", "ImportJobId", "Verified", "CreatedAt", "UpdatedAt"
            FROM "Persons" WHERE "AgencyId" = {Invariant(agencyId)}
            """, "\"Nik\"", [.. niks], r =>
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
    public async Task<Dictionary<string, Household>> HouseholdsAsync(int agencyId, IReadOnlyCollection<string> cards, CancellationToken ct)
    {
        var found = new Dictionary<string, Household>(cards.Count, StringComparer.Ordinal);
        await QueryInAsync($"""SELECT "Id", "FamilyCardNumber", "HeadPersonId" FROM "Households" WHERE "AgencyId" = {Invariant(agencyId)}""",
            "\"FamilyCardNumber\"", [.. cards], r => found[r.GetString(1)] = new Household
            {
                Id = r.GetInt64(0),
                AgencyId = agencyId,
                FamilyCardNumber = r.GetString(1),
                HeadPersonId = r.IsDBNull(2) ? null : r.GetInt64(2),
            }, ct);
        return found;
    }

    /// <summary>The NIKs of these persons (the heads of households, for the "second head" message).</summary>
    public async Task<Dictionary<long, string>> NiksAsync(int agencyId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var found = new Dictionary<long, string>(ids.Count);
        await QueryInAsync($"""SELECT "Id", "Nik" FROM "Persons" WHERE "AgencyId" = {Invariant(agencyId)}""", "\"Id\"", [.. ids],
            r => found[r.GetInt64(0)] = r.GetString(1), ct);
        return found;
    }

    /// <summary>Values per lookup query: the index is used for each, and no parameter is large.</summary>
    private protected const int ListSize = 500;

    /// <summary>Runs <paramref name="select"/> (ending in a WHERE clause) for the rows whose <paramref name="column"/> is one of <paramref name="values"/>.</summary>
    private protected abstract Task QueryInAsync<T>(string select, string column, IReadOnlyList<T> values, Action<DbDataReader> row, CancellationToken ct);

    /// <summary>New households by No. KK, each with its head (a person id, perhaps of a person not written yet); their ids by No. KK.</summary>
    public abstract Task<IReadOnlyList<(string Card, long Id)>> InsertHouseholdsAsync(int agencyId, List<(string Card, long? Head)> households, CancellationToken ct);

    /// <summary>Gives each new person its <see cref="Person.Id"/>, in order, before anything is written.</summary>
    public abstract Task AssignPersonIdsAsync(List<Person> persons, CancellationToken ct);

    /// <summary>Inserts the persons, whose ids were given by <see cref="AssignPersonIdsAsync"/>.</summary>
    public abstract Task InsertPersonsAsync(List<Person> persons, CancellationToken ct);

    /// <summary>Inserts the name tokens of the search index (<see cref="PersonNames.TokenRows(Person)"/>).</summary>
    public abstract Task InsertTokensAsync(List<PersonNameToken> tokens, CancellationToken ct);

    /// <summary>Clears the head of the households these persons left (where they were its head), then sets the new heads.</summary>
    public abstract Task SetHeadsAsync(List<(long Household, long Person)> left, List<(long Household, long? Head)> heads, CancellationToken ct);

    private protected const string PersonColumns = """
        "AgencyId", "Nik", "FamilyCardNumber", "HouseholdId", "FullName", "NameKey", "Sex", "BirthPlace", "BirthDate", "Address",
        "Rt", "Rw", "VillageCode", "Phone", "Education", "Occupation", "EmploymentStatus", "MaritalStatus", "HouseholdRelation",
        "Disability", "WelfareDecile", "WelfareSource", "WelfareAsOf", "Origin", "ImportJobId", "Verified", "CreatedAt", "UpdatedAt"
        """;

    private protected static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static T? Code<T>(DbDataReader r, int i) where T : struct, Enum =>
        r.IsDBNull(i) ? null : (T)Enum.ToObject(typeof(T), r.GetInt32(i));

    /// <summary>A person's column values in the order of <see cref="PersonColumns"/>.</summary>
    private protected static object?[] Values(Person p) =>
    [
        p.AgencyId, p.Nik, p.FamilyCardNumber, p.HouseholdId, p.FullName, p.NameKey, (int)p.Sex, p.BirthPlace, p.BirthDate, p.Address,
        p.Rt, p.Rw, p.VillageCode, p.Phone, (int?)p.Education, p.Occupation, (int?)p.EmploymentStatus, (int?)p.MaritalStatus, (int?)p.HouseholdRelation,
        p.Disability, p.WelfareDecile, p.WelfareSource, p.WelfareAsOf, (int)p.Origin, p.ImportJobId, p.Verified, p.CreatedAt, p.UpdatedAt,
    ];

    /// <summary>Writes every field an import may change (<see cref="Person.UpdatedAt"/> included) of these stored persons.</summary>
    public async Task UpdatePersonsAsync(List<Person> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return;
        }
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
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

    /// <summary>Replaces the name tokens of renamed persons by <paramref name="tokens"/>.</summary>
    public async Task ReplaceTokensAsync(List<Person> renamed, List<PersonNameToken> tokens, CancellationToken ct)
    {
        if (renamed.Count == 0)
        {
            return;
        }
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = """DELETE FROM "PersonNameTokens" WHERE "PersonId" = @id""";
        var id = Parameters(command, "id")[0];
        foreach (var person in renamed)
        {
            id.Value = person.Id;
            await command.ExecuteNonQueryAsync(ct);
        }
        await InsertTokensAsync(tokens, ct);
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
