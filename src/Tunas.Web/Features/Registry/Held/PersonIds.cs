using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry.Held;

/// <summary>
/// Draws the next id of the persons' sequence without a person, so that a held create is answered with an id of the
/// same series as a new resident's (decision 0021). The sequence never gives it again: SQLite's AUTOINCREMENT keeps its
/// high mark in sqlite_sequence, a PostgreSQL identity never reuses a value.
/// </summary>
public static class PersonIds
{
    public static async Task<long> ReserveAsync(TunasDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            return (await db.Database.SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('\"Persons\"', 'Id')) AS \"Value\"").ToListAsync(ct))[0];
        }
        // The caller's transaction holds SQLite's write lock, so the read and the write below are one step.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'Persons', COALESCE((SELECT MAX(\"Id\") FROM \"Persons\"), 0) " +
            "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'Persons')", ct);
        // Not composable (an UPDATE): read as a list, never wrapped in a SELECT.
        return (await db.Database.SqlQueryRaw<long>(
            "UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(\"Id\") FROM \"Persons\"), 0)) + 1 WHERE name = 'Persons' RETURNING seq AS \"Value\"")
            .ToListAsync(ct))[0];
    }
}
