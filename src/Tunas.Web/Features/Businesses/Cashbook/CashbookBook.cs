using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.Cashbook;

public sealed record EntryRead(
    long Id, string ClientId, string Kind, DateOnly OccurredOn, string? Item, int? Quantity, long Amount, string? Customer, bool Paid,
    string? Category, DateOnly? DueOn, DateTime UpdatedAt);

public sealed record SyncResult(int Stored, int Duplicates);

/// <summary>
/// The signed-in participant's own cashbook: every read and write is bound to her placement and agency, found from
/// the sign-in (<see cref="Training.Participants.ParticipantSelf"/>), never from an id in the request.
/// </summary>
public sealed class CashbookBook(TunasDb db, ParticipantSelf who, TimeProvider clock)
{
    private CohortParticipant? _self;

    public long ParticipantId => self.Id;

    private CohortParticipant self => _self ?? throw new InvalidOperationException("Open the cashbook first.");

    private IQueryable<CashbookEntry> Mine => db.Set<CashbookEntry>().Where(e => e.AgencyId == self.AgencyId && e.ParticipantId == self.Id);

    /// <summary>False for anyone who is not a placed participant: there is no cashbook to open.</summary>
    public async Task<bool> OpenAsync(CancellationToken ct = default)
    {
        _self ??= await who.FindAsync(ct);
        return _self is not null;
    }

    /// <summary>The entry's id, and whether this call created it (false: the client id was already stored, nothing changed).</summary>
    public async Task<(long Id, bool Created)> AddAsync(EntryValues values, CancellationToken ct = default)
    {
        if (await Mine.AsNoTracking().Where(e => e.ClientId == values.ClientId).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct) is { } id)
        {
            return (id, false);
        }
        var entry = New(values);
        db.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same entry sent twice at once: the other request stored it first.
            db.ChangeTracker.Clear();
            return (await Mine.AsNoTracking().Where(e => e.ClientId == values.ClientId).Select(e => e.Id).SingleAsync(ct), false);
        }
        return (entry.Id, true);
    }

    /// <summary>False when she has no such entry (or deleted it).</summary>
    public async Task<bool> UpdateAsync(EntryValues values, CancellationToken ct = default)
    {
        if (await Mine.FirstOrDefaultAsync(e => e.ClientId == values.ClientId && !e.Deleted, ct) is not { } entry)
        {
            return false;
        }
        Apply(entry, values);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(string clientId, CancellationToken ct = default)
    {
        if (await Mine.FirstOrDefaultAsync(e => e.ClientId == clientId && !e.Deleted, ct) is not { } entry)
        {
            return false;
        }
        entry.Deleted = true;
        entry.ClientUpdatedAt = entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// A phone's queue in one save: a new client id is stored (a deletion as a tombstone); a known one is changed only
    /// when the phone's change is later than the stored one, otherwise it counts as a duplicate.
    /// </summary>
    public async Task<SyncResult> SyncAsync(IReadOnlyList<EntryValues> batch, CancellationToken ct = default)
    {
        var ids = batch.Select(b => b.ClientId).ToList();
        var known = await Mine.Where(e => ids.Contains(e.ClientId)).ToDictionaryAsync(e => e.ClientId, StringComparer.Ordinal, ct);
        var stored = 0;
        foreach (var values in batch)
        {
            if (!known.TryGetValue(values.ClientId, out var entry))
            {
                db.Add(New(values));
                stored++;
            }
            else if (values.UpdatedAt is { } at && at > entry.ClientUpdatedAt)
            {
                Apply(entry, values);
                stored++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (stored > 0)
        {
            // REVIEW: the same queue sent twice at once; the other request stored it first. The phone keeps what it did not
            // hear back about and sends it again, so nothing is lost, and nothing is stored twice.
            db.ChangeTracker.Clear();
            return new SyncResult(0, batch.Count);
        }
        return new SyncResult(stored, batch.Count - stored);
    }

    public Task<CashbookSummary> SummaryAsync(DateOnly month, CancellationToken ct = default) =>
        CashbookTotals.SummaryAsync(Mine, month, month.AddMonths(1).AddDays(-1), ct);

    public async Task<IReadOnlyList<EntryRead>> EntriesAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = await Mine.AsNoTracking().Where(e => !e.Deleted && e.OccurredOn >= from && e.OccurredOn <= to)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToListAsync(ct);
        return [.. rows.Select(Read)];
    }

    public async Task<IReadOnlyList<Debtor>> DebtorsAsync(CancellationToken ct = default)
    {
        var lines = await Mine.AsNoTracking()
            .Where(e => !e.Deleted && e.Customer != null && ((e.Kind == CashbookKind.Sale && !e.Paid) || e.Kind == CashbookKind.DebtPayment))
            .Select(e => new DebtLine(e.Kind, e.OccurredOn, e.Customer!, e.Amount, e.DueOn, e.Id)).ToListAsync(ct);
        return Debts.Owed(lines, clock.TodayInIndonesia());
    }

    public async Task<bool> SharingAsync(CancellationToken ct = default) =>
        await db.Set<CashbookSharing>().AsNoTracking()
            .AnyAsync(s => s.AgencyId == self.AgencyId && s.ParticipantId == self.Id && s.ShareMonthlyTotals, ct);

    /// <summary>Sets her consent; false when it was already so (nothing to audit).</summary>
    public async Task<bool> SetSharingAsync(bool share, AuditLog audit, CancellationToken ct = default)
    {
        var row = await db.Set<CashbookSharing>().FirstOrDefaultAsync(s => s.AgencyId == self.AgencyId && s.ParticipantId == self.Id, ct);
        if ((row?.ShareMonthlyTotals ?? false) == share)
        {
            return false;
        }
        if (row is null)
        {
            row = new CashbookSharing { AgencyId = self.AgencyId, ParticipantId = self.Id };
            db.Add(row);
        }
        row.ShareMonthlyTotals = share;
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(share ? "cashbook.sharing-on" : "cashbook.sharing-off", "CohortParticipant", self.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static EntryRead Read(CashbookEntry e) => new(e.Id, e.ClientId, CashbookRules.Word(e.Kind), e.OccurredOn, e.Item, e.Quantity, e.Amount,
        e.Customer, e.Paid, e.Category is { } c ? CashbookRules.Word(c) : null, e.DueOn, e.ClientUpdatedAt);

    private CashbookEntry New(EntryValues values)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new CashbookEntry { AgencyId = self.AgencyId, ParticipantId = self.Id, ClientId = values.ClientId, CreatedAt = now };
        Apply(entry, values);
        return entry;
    }

    private void Apply(CashbookEntry entry, EntryValues values)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        entry.UpdatedAt = now;
        entry.ClientUpdatedAt = values.UpdatedAt ?? now;
        entry.Deleted = values.Deleted;
        if (values.Deleted)
        {
            // A tombstone keeps the line's last contents; its change time keeps an older edit arriving late from reviving it.
            if (entry.Id == 0)
            {
                entry.OccurredOn = values.OccurredOn;
            }
            return;
        }
        entry.Kind = values.Kind;
        entry.OccurredOn = values.OccurredOn;
        entry.Item = values.Item;
        entry.Quantity = values.Quantity;
        entry.Amount = values.Amount;
        entry.Customer = values.Customer;
        entry.Paid = values.Paid;
        entry.Category = values.Category;
        entry.DueOn = values.DueOn;
    }
}
