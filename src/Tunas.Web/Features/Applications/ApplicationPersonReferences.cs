using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Applications;

/// <summary>A merge of two registry records moves their applications; one person holds one application per program.</summary>
internal sealed class ApplicationPersonReferences(TunasDb db) : IPersonReferences
{
    /// <summary>Held and rejected claims are no one's own application (decision 0016): several stand beside the person's.</summary>
    public Task<bool> BlocksMergeAsync(long keptPersonId, long removedPersonId, CancellationToken ct = default)
    {
        var own = db.Applications.Where(a => a.Status != ApplicationStatus.Held && a.Status != ApplicationStatus.Rejected);
        var programsOfKept = own.Where(a => a.PersonId == keptPersonId).Select(a => a.ProgramId);
        return own.AnyAsync(a => a.PersonId == removedPersonId && programsOfKept.Contains(a.ProgramId), ct);
    }

    public Task MoveAsync(long removedPersonId, long keptPersonId, CancellationToken ct = default) =>
        db.Applications.Where(a => a.PersonId == removedPersonId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.PersonId, keptPersonId), ct);
}
