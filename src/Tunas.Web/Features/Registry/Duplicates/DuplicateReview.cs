using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Duplicates;

/// <summary>One side of a suspected pair, NIK and No. KK masked.</summary>
public sealed record DuplicateSide(
    long Id, string Nik, string FullName, string Sex, DateOnly BirthDate, string VillageCode, string? FamilyCardNumber,
    string? Address, int? WelfareDecile, bool Verified);

public sealed record DuplicatePair(long Id, DuplicateReason Reason, DateTime DetectedAt, DuplicateSide A, DuplicateSide B);

public sealed record DuplicatePairPage(IReadOnlyList<DuplicatePair> Items, int Total);

public enum ReviewOutcome
{
    Done,
    NotFound,

    /// <summary>Someone already dismissed or merged the pair.</summary>
    NotOpen,

    /// <summary>The person to keep is not one of the pair.</summary>
    NotInPair,

    /// <summary>Both persons applied to the same program; one person holds one application per program.</summary>
    BothApplied,
}

public sealed record MergeResult(ReviewOutcome Outcome, long? KeptPersonId = null, long? RemovedPersonId = null, IReadOnlyList<string>? ChangedFields = null);

/// <summary>
/// An officer's review of suspected duplicates: the open pairs, a dismissal, or a merge of the two persons into
/// one. Every decision is audited; a merge is audited on both persons, with the removed person's full record.
/// </summary>
public sealed class DuplicateReview(TunasDb db, AuditLog audit, DuplicateDetector detector, CurrentUser me, TimeProvider clock, IEnumerable<IPersonReferences> references)
{
    public const int MaxPageSize = 100;

    public async Task<DuplicatePairPage> OpenAsync(int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var agency = me.AgencyId ?? 0;
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var open = db.SuspectedDuplicates.AsNoTracking().Where(d => d.AgencyId == agency && d.Status == DuplicateStatus.Open);
        var total = await open.CountAsync(ct);
        var pairs = await open.OrderBy(d => d.DetectedAt).ThenBy(d => d.Id)
            .Skip((Math.Max(1, page) - 1) * size).Take(size)
            .ToListAsync(ct);
        var ids = pairs.SelectMany(d => new[] { d.PersonAId, d.PersonBId }).Distinct().ToList();
        var people = await db.Persons.AsNoTracking().Where(p => p.AgencyId == agency && ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Nik, p.FullName, p.Sex, p.BirthDate, p.VillageCode, p.FamilyCardNumber, p.Address, p.WelfareDecile, p.Verified })
            .ToDictionaryAsync(p => p.Id, p => new DuplicateSide(p.Id, Nik.Mask(p.Nik), p.FullName, p.Sex == Sex.Female ? "F" : "M", p.BirthDate,
                p.VillageCode, p.FamilyCardNumber is null ? null : Nik.Mask(p.FamilyCardNumber), p.Address, p.WelfareDecile, p.Verified), ct);
        var items = pairs.Where(d => people.ContainsKey(d.PersonAId) && people.ContainsKey(d.PersonBId))
            .Select(d => new DuplicatePair(d.Id, d.Reason, d.DetectedAt, people[d.PersonAId], people[d.PersonBId]))
            .ToList();
        if (items.Count > 0)
        {
            // Masked NIKs beside birth dates, sex and kelurahan rebuild the NIKs (decision 0017): the view is recorded.
            audit.Record("person.listed", "Person", null, new { via = "duplicates", page = Math.Max(1, page), ids = items.SelectMany(i => new[] { i.A.Id, i.B.Id }) });
            await db.SaveChangesAsync(ct);
        }
        return new DuplicatePairPage(items, total);
    }

    public async Task<ReviewOutcome> DismissAsync(long id, CancellationToken ct = default)
    {
        var pair = await FindAsync(id, ct);
        if (pair is null)
        {
            return ReviewOutcome.NotFound;
        }
        if (pair.Status != DuplicateStatus.Open)
        {
            return ReviewOutcome.NotOpen;
        }
        pair.Status = DuplicateStatus.Dismissed;
        pair.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        pair.ReviewedBy = me.Name;
        audit.Record("duplicate.dismissed", "SuspectedDuplicate", Key(pair.Id), new { personAId = Key(pair.PersonAId), personBId = Key(pair.PersonBId) });
        await db.SaveChangesAsync(ct);
        return ReviewOutcome.Done;
    }

    /// <summary>
    /// Keeps <paramref name="keepPersonId"/>, gives it the other person's values where its own are empty, moves
    /// the household head role, points everything that referred to the other person at the kept one, and deletes
    /// the other person. One transaction: all of it or nothing.
    /// </summary>
    public async Task<MergeResult> MergeAsync(long id, long keepPersonId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pair = await FindAsync(id, ct);
        if (pair is null)
        {
            return new MergeResult(ReviewOutcome.NotFound);
        }
        if (pair.Status != DuplicateStatus.Open)
        {
            return new MergeResult(ReviewOutcome.NotOpen);
        }
        if (keepPersonId != pair.PersonAId && keepPersonId != pair.PersonBId)
        {
            return new MergeResult(ReviewOutcome.NotInPair);
        }
        var removedId = keepPersonId == pair.PersonAId ? pair.PersonBId : pair.PersonAId;
        foreach (var reference in references)
        {
            if (await reference.BlocksMergeAsync(keepPersonId, removedId, ct))
            {
                return new MergeResult(ReviewOutcome.BothApplied);
            }
        }
        var kept = await db.Persons.FirstAsync(p => p.Id == keepPersonId, ct);
        var removed = await db.Persons.FirstAsync(p => p.Id == removedId, ct);

        var before = PersonWriter.Snapshot(kept);
        TakeOverEmptyFields(kept, removed);
        await MoveHouseholdHeadAsync(kept, removed, ct);
        var changes = PersonWriter.Diff(before, PersonWriter.Snapshot(kept));
        if (changes.Count > 0)
        {
            kept.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        kept.Verified |= removed.Verified;

        pair.Status = DuplicateStatus.Merged;
        pair.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        pair.ReviewedBy = me.Name;
        audit.Record("person.merged", "Person", Key(kept.Id), new { removedPersonId = Key(removed.Id), duplicateId = Key(pair.Id), changes });
        audit.Record("person.merged", "Person", Key(removed.Id), new { keptPersonId = Key(kept.Id), duplicateId = Key(pair.Id), removed = PersonWriter.Snapshot(removed) });
        audit.Record("duplicate.merged", "SuspectedDuplicate", Key(pair.Id), new { keptPersonId = Key(kept.Id), removedPersonId = Key(removed.Id) });
        await db.SaveChangesAsync(ct);

        await RepointReferencesAsync(removed.Id, kept.Id, pair.Id, ct);
        // The person's name tokens go with it by cascade; this pair stays, marked merged.
        db.Persons.Remove(removed);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await detector.DetectForAsync(kept, ct);
        return new MergeResult(ReviewOutcome.Done, kept.Id, removed.Id, [.. changes.Keys]);
    }

    /// <summary>
    /// Everything that refers to the removed person is moved to the kept one: the other suspected pairs (with their
    /// decisions) here, and the rows of later features (applications, cohort places, businesses) by their
    /// <see cref="IPersonReferences"/>.
    /// </summary>
    private async Task RepointReferencesAsync(long removedId, long keptId, long mergedPairId, CancellationToken ct)
    {
        foreach (var reference in references)
        {
            await reference.MoveAsync(removedId, keptId, ct);
        }
        var pairs = await db.SuspectedDuplicates
            .Where(d => d.Id != mergedPairId && (d.PersonAId == removedId || d.PersonBId == removedId))
            .ToListAsync(ct);
        var taken = (await db.SuspectedDuplicates.AsNoTracking()
                .Where(d => d.PersonAId == keptId || d.PersonBId == keptId)
                .Select(d => new { d.PersonAId, d.PersonBId }).ToListAsync(ct))
            .Select(d => (d.PersonAId, d.PersonBId)).ToHashSet();
        foreach (var pair in pairs)
        {
            var other = pair.PersonAId == removedId ? pair.PersonBId : pair.PersonAId;
            var target = other < keptId ? (other, keptId) : (keptId, other);
            if (other == keptId || !taken.Add(target))
            {
                db.SuspectedDuplicates.Remove(pair); // the kept person already has this pair
                continue;
            }
            (pair.PersonAId, pair.PersonBId) = target;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The kept record wins; an empty field of it takes the other's value. Fields that belong together move
    /// together: the address with its RT/RW, the decile with its source and date, the family card with the relation.
    /// </summary>
    private static void TakeOverEmptyFields(Person kept, Person removed)
    {
        if (kept.FamilyCardNumber is null && removed.FamilyCardNumber is not null)
        {
            kept.FamilyCardNumber = removed.FamilyCardNumber;
            kept.HouseholdId = removed.HouseholdId;
            kept.HouseholdRelation ??= removed.HouseholdRelation;
        }
        else if (kept.HouseholdId is not null && kept.HouseholdId == removed.HouseholdId)
        {
            kept.HouseholdRelation ??= removed.HouseholdRelation;
        }
        if (kept.Address is null && kept.Rt is null && kept.Rw is null)
        {
            kept.Address = removed.Address;
            kept.Rt = removed.Rt;
            kept.Rw = removed.Rw;
        }
        if (kept.WelfareDecile is null && removed.WelfareDecile is not null)
        {
            kept.WelfareDecile = removed.WelfareDecile;
            kept.WelfareSource = removed.WelfareSource;
            kept.WelfareAsOf = removed.WelfareAsOf;
        }
        kept.BirthPlace ??= removed.BirthPlace;
        kept.Phone ??= removed.Phone;
        kept.Education ??= removed.Education;
        kept.Occupation ??= removed.Occupation;
        kept.EmploymentStatus ??= removed.EmploymentStatus;
        kept.MaritalStatus ??= removed.MaritalStatus;
        kept.Disability |= removed.Disability;
    }

    /// <summary>
    /// A household whose head is the removed person gets the kept person as head when the kept one lives on that
    /// family card as its head (or with no relation yet); otherwise the household has no head until someone fixes it.
    /// </summary>
    private async Task MoveHouseholdHeadAsync(Person kept, Person removed, CancellationToken ct)
    {
        var headed = await db.Households.Where(h => h.HeadPersonId == removed.Id).ToListAsync(ct);
        foreach (var household in headed)
        {
            if (kept.HouseholdId == household.Id && kept.HouseholdRelation is null or HouseholdRelation.Head)
            {
                kept.HouseholdRelation = HouseholdRelation.Head;
                household.HeadPersonId = kept.Id;
            }
            else
            {
                household.HeadPersonId = null;
            }
        }
        if (kept.HouseholdRelation == HouseholdRelation.Head && kept.HouseholdId is { } own && headed.All(h => h.Id != own))
        {
            var household = await db.Households.FirstAsync(h => h.Id == own, ct);
            household.HeadPersonId ??= kept.Id;
        }
    }

    private Task<SuspectedDuplicate?> FindAsync(long id, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        return db.SuspectedDuplicates.FirstOrDefaultAsync(d => d.Id == id && d.AgencyId == agency, ct);
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
