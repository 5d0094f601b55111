using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry.Duplicates;

/// <summary>
/// Flags persons with different NIKs who may be one person: the same name and birth date, or the same name on
/// the same family card. Flags are suggestions for an officer, never merged automatically.
/// </summary>
public sealed class DuplicateDetector(TunasDb db, TimeProvider clock)
{
    /// <summary>Checks one person against the registry (after a create or an edit).</summary>
    public async Task<int> DetectForAsync(Person person, CancellationToken ct = default)
    {
        var candidates = await db.Persons.AsNoTracking()
            .Where(p => p.AgencyId == person.AgencyId && p.Id != person.Id && p.NameKey == person.NameKey
                && (p.BirthDate == person.BirthDate || (person.HouseholdId != null && p.HouseholdId == person.HouseholdId)))
            .Select(p => new { p.Id, p.BirthDate, p.HouseholdId })
            .ToListAsync(ct);
        var added = 0;
        foreach (var c in candidates)
        {
            var reason = c.BirthDate == person.BirthDate ? DuplicateReason.SameNameAndBirthDate : DuplicateReason.SameNameInHousehold;
            var (a, b) = person.Id < c.Id ? (person.Id, c.Id) : (c.Id, person.Id);
            if (await db.SuspectedDuplicates.AnyAsync(d => d.PersonAId == a && d.PersonBId == b, ct))
            {
                continue;
            }
            db.SuspectedDuplicates.Add(new SuspectedDuplicate
            {
                AgencyId = person.AgencyId,
                PersonAId = a,
                PersonBId = b,
                Reason = reason,
                DetectedAt = clock.GetUtcNow().UtcDateTime,
            });
            added++;
        }
        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return added;
    }

    /// <summary>Checks the whole registry of an agency at once (after an import), in SQL: every pair not flagged yet.</summary>
    public async Task<int> DetectAllAsync(int agencyId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement per reason; the unique (A, B) index and NOT EXISTS keep it idempotent.
        var sameBirth = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SuspectedDuplicates" ("AgencyId", "PersonAId", "PersonBId", "Reason", "Status", "DetectedAt")
            SELECT a."AgencyId", a."Id", b."Id", {(int)DuplicateReason.SameNameAndBirthDate}, {(int)DuplicateStatus.Open}, {now}
            FROM "Persons" a JOIN "Persons" b
              ON b."AgencyId" = a."AgencyId" AND b."NameKey" = a."NameKey" AND b."BirthDate" = a."BirthDate" AND b."Id" > a."Id"
            WHERE a."AgencyId" = {agencyId}
              AND NOT EXISTS (SELECT 1 FROM "SuspectedDuplicates" d WHERE d."PersonAId" = a."Id" AND d."PersonBId" = b."Id")
            """, ct);
        var sameHousehold = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SuspectedDuplicates" ("AgencyId", "PersonAId", "PersonBId", "Reason", "Status", "DetectedAt")
            SELECT a."AgencyId", a."Id", b."Id", {(int)DuplicateReason.SameNameInHousehold}, {(int)DuplicateStatus.Open}, {now}
            FROM "Persons" a JOIN "Persons" b
              ON b."HouseholdId" = a."HouseholdId" AND b."NameKey" = a."NameKey" AND b."Id" > a."Id"
            WHERE a."AgencyId" = {agencyId} AND a."HouseholdId" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "SuspectedDuplicates" d WHERE d."PersonAId" = a."Id" AND d."PersonBId" = b."Id")
            """, ct);
        return sameBirth + sameHousehold;
    }
}
