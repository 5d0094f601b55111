using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tunas.Web.Data;

/// <summary>
/// The transaction shared by the save interceptors that keep derived rows beside a save (the cashbook months, the
/// person field copies), when the caller opened none: the first keeper to join a save opens it, and it commits when
/// the last one has left, after every keeper's own statements, whatever order the keepers run in. Inside a caller's
/// transaction the caller decides, and joining and leaving do nothing.
/// </summary>
public static class KeeperTransaction
{
    private sealed class Owned(IDbContextTransaction transaction)
    {
        public IDbContextTransaction Transaction => transaction;
        public HashSet<object> Keepers { get; } = [];
    }

    private static readonly ConditionalWeakTable<DbContext, Owned> Open = [];

    /// <summary>In <c>SavingChanges</c>, by a keeper that writes in this save.</summary>
    public static async ValueTask JoinAsync(DbContext db, object keeper, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Open.TryGetValue(db, out var owned))
        {
            if (db.Database.CurrentTransaction is not null)
            {
                return;
            }
            owned = new Owned(await db.Database.BeginTransactionAsync(ct));
            Open.AddOrUpdate(db, owned);
        }
        owned.Keepers.Add(keeper);
    }

    /// <summary>In <c>SavedChanges</c>, after the keeper's own statements: the last to leave commits.</summary>
    public static async ValueTask LeaveAsync(DbContext db, object keeper, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Open.TryGetValue(db, out var owned) && owned.Keepers.Remove(keeper) && owned.Keepers.Count == 0)
        {
            Open.Remove(db);
            await owned.Transaction.CommitAsync(ct);
            await owned.Transaction.DisposeAsync();
        }
    }

    /// <summary>When the save or a keeper's statement failed, or the save was cancelled: the rows and every keeper's changes go back.</summary>
    public static async Task RollBackAsync(DbContext? db)
    {
        if (db is not null && Open.TryGetValue(db, out var owned))
        {
            Open.Remove(db);
            await owned.Transaction.RollbackAsync(CancellationToken.None);
            await owned.Transaction.DisposeAsync();
        }
    }
}
