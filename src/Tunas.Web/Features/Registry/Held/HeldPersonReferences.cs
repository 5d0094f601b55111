using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Registry.Held;

/// <summary>
/// A held create waits on the registry's person it collides with: when that person is merged away as a duplicate, the
/// held record waits on the kept one instead of going with the removed one, so the officer still resolves it (decision 0021).
/// </summary>
internal sealed class HeldPersonReferences(TunasDb db) : IPersonReferences
{
    public Task<bool> BlocksMergeAsync(long keptPersonId, long removedPersonId, CancellationToken ct = default) => Task.FromResult(false);

    public Task MoveAsync(long removedPersonId, long keptPersonId, CancellationToken ct = default) =>
        db.PendingPersons.Where(p => p.ExistingPersonId == removedPersonId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ExistingPersonId, keptPersonId), ct);
}
