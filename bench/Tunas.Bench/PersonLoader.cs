using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Bench;

/// <summary>
/// The provider's fastest path into the app's own tables (Households, Persons, PersonNameTokens), without any
/// checking: one prepared statement per table in one transaction on SQLite, binary COPY on PostgreSQL. Ids are
/// given here (the tables must be empty), so households carry their head from the start. It is the raw baseline
/// of the import and the way the search scenario fills its million persons. <paramref name="rows"/> is called
/// once per pass and must give the same rows each time (a list, or a generator with the same seed).
/// </summary>
internal static class PersonLoader
{
    private const string PersonColumns = """
        "Id", "AgencyId", "Nik", "FamilyCardNumber", "HouseholdId", "FullName", "NameKey", "Sex", "BirthPlace", "BirthDate",
        "Address", "Rt", "Rw", "VillageCode", "Phone", "Education", "Occupation", "EmploymentStatus", "MaritalStatus",
        "HouseholdRelation", "Disability", "WelfareDecile", "WelfareSource", "WelfareAsOf", "Origin", "ImportJobId", "Verified",
        "CreatedAt", "UpdatedAt"
        """;

    public static async Task<(long Persons, long Households, long Tokens)> LoadSqliteAsync(string connectionString, int agencyId, Func<IEnumerable<SyntheticResident>> rows)
    {
        var households = Households(rows());
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            // The app's own per-connection settings (SqlitePragmas): the baseline pays for the same checks.
            pragmas.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
            await pragmas.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """INSERT INTO "Households" ("Id", "AgencyId", "FamilyCardNumber", "HeadPersonId") VALUES ($id, $agency, $kk, $head)""";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            insert.Parameters.AddWithValue("$agency", agencyId);
            var kk = insert.Parameters.Add("$kk", SqliteType.Text);
            var head = insert.Parameters.Add("$head", SqliteType.Integer);
            insert.Prepare();
            foreach (var (card, h) in households)
            {
                id.Value = h.Id;
                kk.Value = card;
                head.Value = (object?)h.Head ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var person = connection.CreateCommand();
        person.Transaction = tx;
        var names = PersonColumns.Split(',', StringSplitOptions.TrimEntries);
        person.CommandText = $"INSERT INTO \"Persons\" ({PersonColumns}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        // Untyped parameters: each value binds as what it is (integer or text), as EF binds them.
        var p = names.Select((_, i) => person.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
        person.Prepare();
        await using var token = connection.CreateCommand();
        token.Transaction = tx;
        token.CommandText = """INSERT INTO "PersonNameTokens" ("Token", "PersonId", "AgencyId", "NameKey") VALUES ($t, $p, $a, $k)""";
        var tText = token.Parameters.Add("$t", SqliteType.Text);
        var tPerson = token.Parameters.Add("$p", SqliteType.Integer);
        var tKey = token.Parameters.Add("$k", SqliteType.Text);
        token.Parameters.AddWithValue("$a", agencyId);
        token.Prepare();

        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        long personId = 0, tokens = 0;
        foreach (var r in rows())
        {
            personId++;
            var values = Values(r, personId, agencyId, households[r.FamilyCardNumber].Id);
            for (var i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime => now,
                    bool b => b ? 1 : 0,
                    var v => v,
                };
            }
            await person.ExecuteNonQueryAsync();
            tPerson.Value = personId;
            tKey.Value = PersonNames.Key(r.FullName);
            foreach (var t in PersonNames.Tokens(r.FullName))
            {
                tText.Value = t;
                await token.ExecuteNonQueryAsync();
                tokens++;
            }
        }
        await tx.CommitAsync();
        return (personId, households.Count, tokens);
    }

    public static async Task<(long Persons, long Households, long Tokens)> LoadPostgresAsync(string connectionString, int agencyId, Func<IEnumerable<SyntheticResident>> rows)
    {
        var households = Households(rows());
        // Completing a COPY of two million rows builds their index entries: longer than the default 30 s on a busy machine.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();

        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "Households" ("Id", "AgencyId", "FamilyCardNumber", "HeadPersonId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (card, h) in households)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(h.Id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(agencyId, NpgsqlDbType.Integer);
                await copy.WriteAsync(card, NpgsqlDbType.Varchar);
                await WriteAsync(copy, h.Head);
            }
            await copy.CompleteAsync();
        }

        var now = DateTime.UtcNow;
        long personId = 0;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY \"Persons\" ({PersonColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows())
            {
                personId++;
                await copy.StartRowAsync();
                foreach (var value in Values(r, personId, agencyId, households[r.FamilyCardNumber].Id))
                {
                    await WriteAsync(copy, value is DateTime ? now : value);
                }
            }
            await copy.CompleteAsync();
        }

        long tokens = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "PersonNameTokens" ("Token", "PersonId", "AgencyId", "NameKey") FROM STDIN (FORMAT BINARY)"""))
        {
            long id = 0;
            foreach (var r in rows())
            {
                id++;
                var key = PersonNames.Key(r.FullName);
                foreach (var t in PersonNames.Tokens(r.FullName))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(t, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(agencyId, NpgsqlDbType.Integer);
                    await copy.WriteAsync(key, NpgsqlDbType.Varchar);
                    tokens++;
                }
            }
            await copy.CompleteAsync();
        }
        await using (var sequences = connection.CreateCommand())
        {
            // Ids were given here: move the identity sequences past them, so the app's own inserts carry on.
            sequences.CommandText = """
                SELECT setval(pg_get_serial_sequence('"Households"', 'Id'), GREATEST((SELECT max("Id") FROM "Households"), 1));
                SELECT setval(pg_get_serial_sequence('"Persons"', 'Id'), GREATEST((SELECT max("Id") FROM "Persons"), 1));
                """;
            await sequences.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return (personId, households.Count, tokens);
    }

    /// <summary>No. KK → household id (in order of first appearance) and the person id of its head.</summary>
    private static Dictionary<string, HouseholdIds> Households(IEnumerable<SyntheticResident> rows)
    {
        var households = new Dictionary<string, HouseholdIds>(StringComparer.Ordinal);
        long personId = 0;
        foreach (var r in rows)
        {
            personId++;
            if (!households.TryGetValue(r.FamilyCardNumber, out var h))
            {
                h = new HouseholdIds(households.Count + 1);
                households.Add(r.FamilyCardNumber, h);
            }
            if (r.HouseholdRelation == HouseholdRelation.Head)
            {
                h.Head ??= personId;
            }
        }
        return households;
    }

    /// <summary>The person's columns in <see cref="PersonColumns"/> order; the DateTime stands for "now".</summary>
    private static object?[] Values(SyntheticResident r, long id, int agencyId, long householdId) =>
    [
        id, agencyId, r.Nik, r.FamilyCardNumber, householdId, r.FullName, PersonNames.Key(r.FullName), (int)r.Sex, r.BirthPlace, r.BirthDate,
        r.Address, r.Rt, r.Rw, r.VillageCode, PhoneNumber.TryNormalize(r.Phone, out var phone) ? phone : null, (int)r.Education, r.Occupation,
        (int)r.EmploymentStatus, (int)r.MaritalStatus, (int)r.HouseholdRelation, r.Disability, r.WelfareDecile, r.WelfareSource, r.WelfareAsOf,
        (int)PersonOrigin.Imported, null, true, DateTime.MinValue, DateTime.MinValue,
    ];

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, object? value)
    {
        switch (value)
        {
            case null:
                await copy.WriteNullAsync();
                break;
            case long l:
                await copy.WriteAsync(l, NpgsqlDbType.Bigint);
                break;
            case int i:
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                break;
            case string s:
                await copy.WriteAsync(s, NpgsqlDbType.Varchar);
                break;
            case DateOnly d:
                await copy.WriteAsync(d, NpgsqlDbType.Date);
                break;
            case bool b:
                await copy.WriteAsync(b, NpgsqlDbType.Boolean);
                break;
            case DateTime t:
                await copy.WriteAsync(t, NpgsqlDbType.TimestampTz);
                break;
            default:
                throw new InvalidOperationException("No COPY type for " + value.GetType().Name);
        }
    }

    private sealed class HouseholdIds(long id)
    {
        public long Id { get; } = id;
        public long? Head { get; set; }
    }
}
