using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tunas.Web.Features.Registry.Bulk;

/// <summary>SQLite: one prepared statement per table, reused for every row, inside the batch's transaction.</summary>
internal sealed class SqlitePersonBulkWriter(SqliteConnection connection, SqliteTransaction transaction) : PersonBulkWriter(connection, transaction)
{
    private static readonly SqliteType[] PersonTypes =
    [
        SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Text,
        SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Integer,
        SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text,
    ];

    private protected override async Task QueryInAsync<T>(string select, string column, IReadOnlyList<T> values, Action<DbDataReader> row, CancellationToken ct)
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
