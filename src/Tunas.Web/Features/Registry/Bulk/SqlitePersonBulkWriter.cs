using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tunas.Web.Features.Registry.Bulk;

/// <summary>SQLite: one prepared statement per table, reused for every row, inside the batch's transaction.</summary>
internal sealed class SqlitePersonBulkWriter(SqliteConnection connection, SqliteTransaction transaction) : PersonBulkWriter(connection, transaction)
{
    /// <summary>The id, then the types of <see cref="PersonBulkWriter.PersonColumns"/>.</summary>
    private static readonly SqliteType[] PersonTypes =
    [
        SqliteType.Integer,
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
        var size = SqliteStatements.ListSize(values.Count, ListSize);
        var command = SqliteStatements.Get(connection, transaction, $"{select} AND {column} IN ({SqliteStatements.Names(0, size)})", size,
            [typeof(T) == typeof(string) ? SqliteType.Text : SqliteType.Integer]);
        var parameters = command.Parameters;
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

    // The inserts call the synchronous Execute methods: SQLite runs in-process, and its async methods only add a task per statement.
    public override async Task<IReadOnlyList<(string Card, long Id)>> InsertHouseholdsAsync(int agencyId, List<(string Card, long? Head)> households, CancellationToken ct)
    {
        var ids = new List<(string, long)>(households.Count);
        if (households.Count == 0)
        {
            return ids;
        }
        var next = await NextIdAsync("Households", ct);
        foreach (var (card, _) in households)
        {
            ids.Add((card, next++));
        }
        SqliteStatements.Insert(connection, transaction, """ "Households" ("Id", "AgencyId", "FamilyCardNumber", "HeadPersonId") """, 4,
            Enumerable.Range(0, households.Count).ToList(), i => [ids[i].Item2, agencyId, households[i].Card, households[i].Head],
            [SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Integer], ct);
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

    public override Task InsertPersonsAsync(List<Person> persons, CancellationToken ct)
    {
        SqliteStatements.Insert(connection, transaction, $"""
            "Persons" ("Id", {PersonColumns})
            """, PersonTypes.Length, persons, p => [p.Id, .. Values(p)], PersonTypes, ct);
        return Task.CompletedTask;
    }

    public override Task InsertTokensAsync(List<PersonNameToken> tokens, CancellationToken ct)
    {
        SqliteStatements.Insert(connection, transaction, """ "PersonNameTokens" ("AgencyId", "Token", "PersonId", "NameKey") """, 4,
            tokens, t => [t.AgencyId, t.Token, t.PersonId, t.NameKey], [SqliteType.Integer, SqliteType.Text, SqliteType.Integer, SqliteType.Text], ct);
        return Task.CompletedTask;
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

    private Task<long> NextIdAsync(string table, CancellationToken ct) => SqliteStatements.NextIdAsync(connection, transaction, table, ct);

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
