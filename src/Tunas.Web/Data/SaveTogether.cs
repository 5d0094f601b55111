using Microsoft.EntityFrameworkCore;

namespace Tunas.Web.Data;

/// <summary>
/// A new row and its audit entry are two saves (the entry names the row's id, known only after the first), and they
/// must land together or not at all: a worker, a product or a business stored without the entry that says who added
/// it and when would break the audit's promise. Inside a caller's transaction the caller decides.
/// </summary>
public static class SaveTogether
{
    public static Task<T> InOneTransactionAsync<T>(this TunasDb db, Func<Task<T>> save, CancellationToken ct) =>
        db.InOneTransactionAsync(save, static _ => true, ct);

    /// <summary>
    /// As <see cref="InOneTransactionAsync{T}(TunasDb, Func{Task{T}}, CancellationToken)"/>, but a result that
    /// <paramref name="keep"/> refuses (a save that found a conflict and answered with it) is rolled back, and what the
    /// context tracked of it forgotten.
    /// </summary>
    public static async Task<T> InOneTransactionAsync<T>(this TunasDb db, Func<Task<T>> save, Func<T, bool> keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(keep);
        if (db.Database.CurrentTransaction is not null)
        {
            return await save();
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await save();
            if (keep(result))
            {
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
            return result;
        });
    }

    public static Task InOneTransactionAsync(this TunasDb db, Func<Task> save, CancellationToken ct) =>
        db.InOneTransactionAsync(async () =>
        {
            await save();
            return true;
        }, ct);
}
