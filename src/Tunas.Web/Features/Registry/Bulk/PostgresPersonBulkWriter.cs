using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry.Bulk;

/// <summary>PostgreSQL: binary COPY, with person ids drawn from the table's own sequence first.</summary>
internal sealed class PostgresPersonBulkWriter(NpgsqlConnection connection, DbTransaction transaction) : PersonBulkWriter(connection, transaction)
{
    private protected override async Task QueryInAsync<T>(string select, string column, IReadOnlyList<T> values, Action<DbDataReader> row, CancellationToken ct)
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
            // Another writer (an import, the intake) created one of these family cards since this batch looked: look again from the start.
            throw new ConcurrentWriteException();
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
}
