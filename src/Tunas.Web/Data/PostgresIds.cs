using Npgsql;

namespace Tunas.Web.Data;

/// <summary>Ids drawn in one round trip from a table's identity sequence, for rows written by binary COPY.</summary>
public static class PostgresIds
{
    /// <summary>Gives each of <paramref name="count"/> rows of <paramref name="table"/> its id, in order.</summary>
    public static async Task AssignAsync(NpgsqlConnection connection, string table, int count, Action<int, long> assign, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assign);
        await using var ids = new NpgsqlCommand($"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id')) FROM generate_series(1, @n)""", connection);
        ids.Parameters.AddWithValue("n", count);
        await using var reader = await ids.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            assign(i++, reader.GetInt64(0));
        }
    }
}
