using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>
/// Keeps <see cref="CashbookMonth"/> equal to the lines on every save that adds, edits or deletes a cashbook line,
/// whoever saves it (the participant's page, her phone's sync, the demo seeder): the change of each month is added in
/// the same transaction as the lines, so the totals and the lines commit or fail together (decision 0029). The change
/// is an increment done by the database (INSERT … ON CONFLICT DO UPDATE), not a read and a write, so two phones
/// syncing the same month at once both count. A bulk statement that skips the change tracker would skip this too:
/// none writes cashbook lines.
/// </summary>
public sealed class CashbookMonthKeeper : SaveChangesInterceptor
{
    public static readonly CashbookMonthKeeper Instance = new();

    private readonly record struct Key(int AgencyId, long ParticipantId, DateOnly Month);

    private sealed record Change(long Sales, long Expenses, int Lines);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Changes(db) is { Count: > 0 } changes)
        {
            await KeeperTransaction.JoinAsync(db, this, cancellationToken);
            try
            {
                foreach (var (key, change) in changes)
                {
                    await db.Database.ExecuteSqlRawAsync(Upsert, Parameters(key, change), cancellationToken);
                }
            }
            catch
            {
                await KeeperTransaction.RollBackAsync(db);
                throw;
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db)
        {
            await KeeperTransaction.LeaveAsync(db, this, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    // The lines were not saved: their months' changes go back with them.
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        KeeperTransaction.RollBackAsync(eventData?.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => KeeperTransaction.RollBackAsync(eventData?.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        KeeperTransaction.RollBackAsync(eventData?.Context);

    /// <summary>What each month gains and loses: a line's old contribution out, its new one in; months that net to nothing are left alone.</summary>
    private static List<KeyValuePair<Key, Change>> Changes(DbContext db)
    {
        var sums = new Dictionary<Key, Change>();
        void Add(PropertyValues values, int sign)
        {
            var kind = values.GetValue<CashbookKind>(nameof(CashbookEntry.Kind));
            if (values.GetValue<bool>(nameof(CashbookEntry.Deleted)) || kind == CashbookKind.DebtPayment)
            {
                return;
            }
            var on = values.GetValue<DateOnly>(nameof(CashbookEntry.OccurredOn));
            var key = new Key(values.GetValue<int>(nameof(CashbookEntry.AgencyId)), values.GetValue<long>(nameof(CashbookEntry.ParticipantId)),
                new DateOnly(on.Year, on.Month, 1));
            var amount = sign * values.GetValue<long>(nameof(CashbookEntry.Amount));
            var was = sums.GetValueOrDefault(key, new Change(0, 0, 0));
            sums[key] = kind == CashbookKind.Sale
                ? was with { Sales = was.Sales + amount, Lines = was.Lines + sign }
                : was with { Expenses = was.Expenses + amount, Lines = was.Lines + sign };
        }
        foreach (var entry in db.ChangeTracker.Entries<CashbookEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                Add(entry.OriginalValues, -1);
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Add(entry.CurrentValues, +1);
            }
        }
        // One order for every writer: two transactions touching the same months lock them in the same order.
        return [.. sums.Where(s => s.Value != new Change(0, 0, 0)).OrderBy(s => s.Key.AgencyId).ThenBy(s => s.Key.ParticipantId).ThenBy(s => s.Key.Month)];
    }

    private const string Upsert = """
        INSERT INTO "CashbookMonths" ("AgencyId", "ParticipantId", "Month", "Sales", "Expenses", "Lines") VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        ON CONFLICT ("AgencyId", "ParticipantId", "Month") DO UPDATE SET
            "Sales" = "CashbookMonths"."Sales" + excluded."Sales",
            "Expenses" = "CashbookMonths"."Expenses" + excluded."Expenses",
            "Lines" = "CashbookMonths"."Lines" + excluded."Lines"
        """;

    private static object[] Parameters(Key key, Change change) =>
        [key.AgencyId, key.ParticipantId, key.Month, change.Sales, change.Expenses, change.Lines];
}
