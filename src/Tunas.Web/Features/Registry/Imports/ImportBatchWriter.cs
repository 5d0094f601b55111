using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Bulk;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// Writes one batch of checked rows in one transaction, together with the batch's refused rows and the job's
/// counters, so that an interruption loses the whole batch or nothing. Lookups go by lists of NIKs (never one query
/// per row); new rows go in and changed rows are updated field by field by the registry's bulk path
/// (<see cref="PersonBulkWriter"/>), and changes are audited with old and new values. New persons get no audit entry each: their
/// <see cref="Person.ImportJobId"/> points at the job, which records who imported which file.
/// </summary>
public sealed class ImportBatchWriter(TunasDb db, TimeProvider clock, IEnumerable<IPersonFieldCopies> copies)
{
    public async Task<BatchResult> WriteAsync(ImportJobState job, ImportBatch batch, ColumnLayout layout, string? operatorVillage, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var agency = job.AgencyId;
        var errors = new List<ImportRowError>(batch.Errors);

        var fast = PersonBulkWriter.For(db);
        var existing = await fast.PersonsAsync(agency, batch.Rows.Select(r => r.Values.Nik).ToList(), ct);

        // Merge first (a blank or missing cell keeps what the registry knows), then households by the merged No. KK.
        var merged = new List<(ImportRow Row, Person Person, Person? Before)>(batch.Rows.Count);
        var rejected = 0;
        foreach (var row in batch.Rows)
        {
            var before = existing.GetValueOrDefault(row.Values.Nik);
            if (before is not null && operatorVillage is not null && before.VillageCode != operatorVillage)
            {
                errors.Add(ImportErrors.Create(job.Id, row.RowNumber, layout.HeaderOf(ImportField.VillageCode), row.VillageCell,
                    ImportMessages.RegisteredElsewhereMessage, [before.VillageCode], ImportMessages.OtherVillageAdvice));
                rejected++;
                continue;
            }
            merged.Add((row, before is null ? NewPerson(job, row, now) : Merge(before, row), before));
        }

        var cards = merged.Select(m => m.Person.FamilyCardNumber).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var households = await fast.HouseholdsAsync(agency, cards, ct);
        var headNiks = await fast.NiksAsync(agency, households.Values.Select(h => h.HeadPersonId).OfType<long>().ToList(), ct);

        // Heads: a family card has one. The head's NIK per card, as the registry has it and as this batch changes it.
        var heads = new Dictionary<string, string?>(StringComparer.Ordinal);
        var changedHeads = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<(ImportRow Row, Person Person, Person? Before)>(merged.Count);
        foreach (var m in merged)
        {
            var card = m.Person.FamilyCardNumber;
            if (card is null)
            {
                kept.Add(m);
                continue;
            }
            if (!heads.TryGetValue(card, out var head))
            {
                head = households.TryGetValue(card, out var h) && h.HeadPersonId is { } id ? headNiks.GetValueOrDefault(id) : null;
                heads[card] = head;
            }
            var nik = m.Person.Nik;
            if (m.Person.HouseholdRelation == HouseholdRelation.Head)
            {
                if (head is not null && head != nik)
                {
                    errors.Add(ImportErrors.Create(job.Id, m.Row.RowNumber, layout.HeaderOf(ImportField.HouseholdRelation), m.Row.RelationCell,
                        PersonMessages.SecondHeadMessage, [Nik.Mask(head)], PersonMessages.SecondHeadAdvice));
                    rejected++;
                    continue;
                }
                if (head is null)
                {
                    heads[card] = nik;
                    changedHeads.Add(card);
                }
            }
            else if (head == nik)
            {
                heads[card] = null;
                changedHeads.Add(card);
            }
            kept.Add(m);
        }

        // New persons get their ids first (sorted by NIK, so that two imports writing the same NIKs lock them in the same
        // order), so that a new family card is written with its head at once instead of being updated afterwards.
        var inserts = kept.Where(k => k.Before is null).Select(k => k.Person).ToList();
        inserts.Sort((a, b) => string.CompareOrdinal(a.Nik, b.Nik));
        await fast.AssignPersonIdsAsync(inserts, ct);
        var ids = kept.ToDictionary(k => k.Person.Nik, k => k.Person.Id, StringComparer.Ordinal);
        long? HeadOf(string card) => heads.GetValueOrDefault(card) is { } n && ids.TryGetValue(n, out var id) ? id : null;

        var missingCards = kept.Select(m => m.Person.FamilyCardNumber).OfType<string>()
            .Where(c => !households.ContainsKey(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var householdIds = households.ToDictionary(h => h.Key, h => h.Value.Id, StringComparer.Ordinal);
        foreach (var (card, id) in await fast.InsertHouseholdsAsync(agency, missingCards.Select(c => (c, HeadOf(c))).ToList(), ct))
        {
            householdIds[card] = id;
        }
        changedHeads.ExceptWith(missingCards);

        var tokens = kept.ToDictionary(k => k.Person.Nik, k => k.Row.Tokens, StringComparer.Ordinal);
        IEnumerable<PersonNameToken> Tokens(Person p) => PersonNames.TokenRows(p, tokens[p.Nik]);
        var updates = new List<(Person Person, Person Before, Dictionary<string, string?[]> Changes)>();
        var unchanged = 0;
        foreach (var (row, person, before) in kept)
        {
            person.HouseholdId = person.FamilyCardNumber is { } card ? householdIds[card] : null;
            if (before is null)
            {
                continue;
            }
            // Most rows of a file seen before are unchanged: compare fields before building the audit's snapshots.
            if (Same(before, person))
            {
                unchanged++;
                continue;
            }
            var changes = PersonWriter.Diff(PersonWriter.Snapshot(before), PersonWriter.Snapshot(person));
            person.UpdatedAt = now;
            updates.Add((person, before, changes));
        }

        await fast.InsertPersonsAsync(inserts, ct);
        await fast.InsertTokensAsync(inserts.SelectMany(Tokens).ToList(), ct);

        await fast.UpdatePersonsAsync(updates.Select(u => u.Person).ToList(), ct);
        // Later features' copies of the counted fields follow in this transaction (decision 0034).
        var recounted = updates.Where(u => u.Person.Sex != u.Before.Sex || u.Person.BirthDate != u.Before.BirthDate
            || u.Person.Disability != u.Before.Disability || u.Person.WelfareDecile != u.Before.WelfareDecile).Select(u => u.Person.Id).ToList();
        foreach (var copier in recounted.Count == 0 ? [] : copies)
        {
            await copier.PersonsChangedAsync(recounted, ct);
        }
        var renamed = updates.Where(u => u.Person.FullName != u.Before.FullName).Select(u => u.Person).ToList();
        await fast.ReplaceTokensAsync(renamed, renamed.SelectMany(Tokens).ToList(), ct);

        // A person who left a family card they headed leaves it without a head.
        var left = updates.Where(u => u.Before.HouseholdId is { } old && old != u.Person.HouseholdId).Select(u => (u.Before.HouseholdId!.Value, u.Person.Id)).ToList();
        var headChanges = changedHeads.Select(card => (householdIds[card], heads[card] is { } n ? ids.GetValueOrDefault(n, 0) : (long?)null))
            .Where(h => h.Item2 != 0).ToList();
        await fast.SetHeadsAsync(left, headChanges, ct);

        await ImportErrors.InsertAsync(db, job, errors, ct);

        foreach (var (person, _, changes) in updates.Where(u => u.Changes.Count > 0))
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                AgencyId = agency,
                ActorId = job.ActorId,
                ActorName = job.ActorName,
                Action = "person.changed",
                EntityType = "Person",
                EntityId = person.Id.ToString(CultureInfo.InvariantCulture),
                Details = JsonSerializer.Serialize(changes),
            });
        }
        await db.SaveChangesAsync(ct);

        var result = new BatchResult(inserts.Count, updates.Count, unchanged, batch.Rejected + rejected);
        var counters = job.Add(batch.RowCount, result);
        // Fenced on the lease (decision 0018): when another instance has taken the job over, this batch, its persons and
        // its refused rows are rolled back, and only the holder's counters stand.
        var held = await db.ImportJobs.Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.ProcessedRows, counters.ProcessedRows)
            .SetProperty(j => j.Inserted, counters.Inserted)
            .SetProperty(j => j.Updated, counters.Updated)
            .SetProperty(j => j.Unchanged, counters.Unchanged)
            .SetProperty(j => j.Rejected, counters.Rejected)
            .SetProperty(j => j.Pauses, 0), ct);
        if (held == 0)
        {
            throw new ImportLeaseLostException();
        }

        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }

    private static Person NewPerson(ImportJobState job, ImportRow row, DateTime now)
    {
        var v = row.Values;
        return new Person
        {
            AgencyId = job.AgencyId,
            Nik = v.Nik,
            FamilyCardNumber = v.FamilyCardNumber,
            FullName = v.FullName,
            NameKey = row.NameKey,
            Sex = v.Sex,
            BirthPlace = v.BirthPlace,
            BirthDate = v.BirthDate,
            Address = v.Address,
            Rt = v.Rt,
            Rw = v.Rw,
            VillageCode = v.VillageCode,
            Phone = v.Phone,
            Education = v.Education,
            Occupation = v.Occupation,
            EmploymentStatus = v.EmploymentStatus,
            MaritalStatus = v.MaritalStatus,
            HouseholdRelation = v.HouseholdRelation,
            Disability = v.Disability,
            WelfareDecile = v.WelfareDecile,
            WelfareSource = v.WelfareSource,
            WelfareAsOf = v.WelfareAsOf,
            Origin = PersonOrigin.Imported,
            ImportJobId = job.Id,
            Verified = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The registry's person with the file's values laid over it. A cell the file left blank, or a column it does
    /// not have, keeps what the registry knows: an import adds and corrects, it never erases.
    /// </summary>
    public static Person Merge(Person before, ImportRow row)
    {
        var v = row.Values;
        T Pick<T>(ImportField field, T value, T old) => row.Has(field) ? value : old;
        return new Person
        {
            Id = before.Id,
            AgencyId = before.AgencyId,
            Nik = before.Nik,
            FamilyCardNumber = Pick(ImportField.FamilyCardNumber, v.FamilyCardNumber, before.FamilyCardNumber),
            HouseholdId = before.HouseholdId,
            FullName = v.FullName,
            NameKey = row.NameKey,
            Sex = v.Sex,
            BirthPlace = Pick(ImportField.BirthPlace, v.BirthPlace, before.BirthPlace),
            BirthDate = v.BirthDate,
            Address = Pick(ImportField.Address, v.Address, before.Address),
            Rt = Pick(ImportField.Rt, v.Rt, before.Rt),
            Rw = Pick(ImportField.Rw, v.Rw, before.Rw),
            VillageCode = v.VillageCode,
            Phone = Pick(ImportField.Phone, v.Phone, before.Phone),
            Education = Pick(ImportField.Education, v.Education, before.Education),
            Occupation = Pick(ImportField.Occupation, v.Occupation, before.Occupation),
            EmploymentStatus = Pick(ImportField.EmploymentStatus, v.EmploymentStatus, before.EmploymentStatus),
            MaritalStatus = Pick(ImportField.MaritalStatus, v.MaritalStatus, before.MaritalStatus),
            HouseholdRelation = Pick(ImportField.HouseholdRelation, v.HouseholdRelation, before.HouseholdRelation),
            Disability = Pick(ImportField.Disability, v.Disability, before.Disability),
            WelfareDecile = Pick(ImportField.WelfareDecile, v.WelfareDecile, before.WelfareDecile),
            WelfareSource = Pick(ImportField.WelfareSource, v.WelfareSource, before.WelfareSource),
            WelfareAsOf = Pick(ImportField.WelfareAsOf, v.WelfareAsOf, before.WelfareAsOf),
            Origin = before.Origin,
            ImportJobId = before.ImportJobId,
            Verified = before.Verified,
            CreatedAt = before.CreatedAt,
            UpdatedAt = before.UpdatedAt,
        };
    }

    /// <summary>Every stored field of the two the same (those the audit shows, and the household).</summary>
    public static bool Same(Person a, Person b) =>
        a.FamilyCardNumber == b.FamilyCardNumber && a.HouseholdId == b.HouseholdId && a.FullName == b.FullName && a.Sex == b.Sex
        && a.BirthPlace == b.BirthPlace && a.BirthDate == b.BirthDate && a.Address == b.Address && a.Rt == b.Rt && a.Rw == b.Rw
        && a.VillageCode == b.VillageCode && a.Phone == b.Phone && a.Education == b.Education && a.Occupation == b.Occupation
        && a.EmploymentStatus == b.EmploymentStatus && a.MaritalStatus == b.MaritalStatus && a.HouseholdRelation == b.HouseholdRelation
        && a.Disability == b.Disability && a.WelfareDecile == b.WelfareDecile && a.WelfareSource == b.WelfareSource && a.WelfareAsOf == b.WelfareAsOf;
}
