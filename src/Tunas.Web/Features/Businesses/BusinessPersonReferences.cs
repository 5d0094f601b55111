using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses;

/// <summary>
/// A merge of two registry records moves the removed person's business ownerships and follow-up surveys to the kept
/// one. Both point at the person with a restrict key: without the move the removed record could not be deleted, and
/// the merge failed.
/// </summary>
internal sealed class BusinessPersonReferences(TunasDb db) : IPersonReferences
{
    /// <summary>
    /// Both surveyed in the same program and round: one person cannot hold two. The applications' own check refuses two
    /// applications to one program first, so this only guards what that check lets through.
    /// </summary>
    public Task<bool> BlocksMergeAsync(long keptPersonId, long removedPersonId, CancellationToken ct = default)
    {
        var kept = db.Set<FollowUp>().Where(f => f.PersonId == keptPersonId);
        return db.Set<FollowUp>().AnyAsync(f => f.PersonId == removedPersonId
            && kept.Any(k => k.ProgramId == f.ProgramId && k.MonthsAfter == f.MonthsAfter), ct);
    }

    public async Task MoveAsync(long removedPersonId, long keptPersonId, CancellationToken ct = default)
    {
        var owners = db.Set<BusinessOwner>();
        var keptBusinesses = owners.Where(o => o.PersonId == keptPersonId).Select(o => o.BusinessId);
        // A business both records own stays the kept person's, once.
        await owners.Where(o => o.PersonId == removedPersonId && keptBusinesses.Contains(o.BusinessId)).ExecuteDeleteAsync(ct);
        await owners.Where(o => o.PersonId == removedPersonId).ExecuteUpdateAsync(u => u.SetProperty(o => o.PersonId, keptPersonId), ct);
        await db.Set<FollowUp>().Where(f => f.PersonId == removedPersonId).ExecuteUpdateAsync(u => u.SetProperty(f => f.PersonId, keptPersonId), ct);
    }
}
