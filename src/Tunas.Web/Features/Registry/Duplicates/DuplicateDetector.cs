using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry.Duplicates;

/// <summary>
/// Flags persons with different NIKs who may be one person: the same name and birth date, or the same name on
/// the same family card. Flags are suggestions for an officer, never merged automatically. The one detector of the
/// registry: a create or an edit checks one person, the application intake a batch of new persons, and an import
/// the persons it wrote.
/// </summary>
public sealed class DuplicateDetector(TunasDb db, TimeProvider clock)
{
    /// <summary>
    /// Sets at most this large are looked up person by person on PostgreSQL (LATERAL), so that a table that grew faster
    /// than its statistics is never scanned whole for a handful of new persons; larger sets leave the plan to the planner.
    /// </summary>
    private const int LateralLimit = 10_000;

    /// <summary>
    /// SQLite reads the set from one JSON text: a million-row import's ids would be a 16 MB string, its builder and
    /// SQLite's parse of it at once. Pieces of this size keep that flat; each piece is the same join, so the work is the same.
    /// </summary>
    private const int SqlitePiece = 10_000;

    /// <summary>Checks one person against the registry (after a create or an edit).</summary>
    public Task<int> DetectForAsync(Person person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return DetectAmongAsync([person.Id], ct);
    }

    /// <summary>
    /// Checks these persons against the registry and against each other, in SQL, inside the caller's transaction if
    /// there is one; flags every pair not flagged yet and returns how many it flagged.
    /// </summary>
    public async Task<int> DetectAmongAsync(IReadOnlyCollection<long> personIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        if (personIds.Count == 0)
        {
            return 0;
        }
        var sqlite = db.Database.IsSqlite();
        if (sqlite && personIds.Count > SqlitePiece)
        {
            var flagged = 0;
            foreach (var piece in personIds.Chunk(SqlitePiece))
            {
                flagged += await DetectAmongAsync(piece, ct);
            }
            return flagged;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // SQLite reads the set from one JSON parameter, PostgreSQL from one array: one statement whatever its size.
        object ids = sqlite ? Json(personIds) : personIds.ToArray();
        var inSet = sqlite ? """n."Id" IN (SELECT "value" FROM json_each({1}))""" : """n."Id" = ANY({1})""";
        var lateral = !sqlite && personIds.Count <= LateralLimit;
        // One statement per reason. A pair of two persons of the set comes out twice, and a pair may be flagged already:
        // the unique (A, B) index drops both (DO NOTHING), so the count is of new flags only.
        string Insert(string match, DuplicateReason reason) => $$"""
            INSERT INTO "SuspectedDuplicates" ("AgencyId", "PersonAId", "PersonBId", "Reason", "Status", "DetectedAt")
            SELECT n."AgencyId",
              CASE WHEN n."Id" < o."Id" THEN n."Id" ELSE o."Id" END, CASE WHEN n."Id" < o."Id" THEN o."Id" ELSE n."Id" END,
              {{(int)reason}}, {{(int)DuplicateStatus.Open}}, {0}
            FROM "Persons" n {{(lateral
                ? $"""CROSS JOIN LATERAL (SELECT o."Id" FROM "Persons" o WHERE o."AgencyId" = n."AgencyId" AND o."NameKey" = n."NameKey" AND {match} AND o."Id" <> n."Id" LIMIT 100) o"""
                : $"""JOIN "Persons" o ON o."AgencyId" = n."AgencyId" AND o."NameKey" = n."NameKey" AND {match} AND o."Id" <> n."Id" """)}}
            WHERE {{inSet}}
            ON CONFLICT ("PersonAId", "PersonBId", "AgencyId") DO NOTHING
            """;
        var sameBirth = await db.Database.ExecuteSqlRawAsync(Insert("""o."BirthDate" = n."BirthDate" """, DuplicateReason.SameNameAndBirthDate), [now, ids], ct);
        var sameHousehold = await db.Database.ExecuteSqlRawAsync(Insert("""o."HouseholdId" = n."HouseholdId" """, DuplicateReason.SameNameInHousehold), [now, ids], ct);
        return sameBirth + sameHousehold;
    }

    private static string Json(IReadOnlyCollection<long> ids)
    {
        var json = new StringBuilder(ids.Count * 8).Append('[');
        foreach (var id in ids)
        {
            json.Append(json.Length == 1 ? "" : ",").Append(id.ToString(CultureInfo.InvariantCulture));
        }
        return json.Append(']').ToString();
    }
}
