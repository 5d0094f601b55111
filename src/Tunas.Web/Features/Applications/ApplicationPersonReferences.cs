using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Applications;

/// <summary>A merge of two registry records moves their applications; one person holds one application per program.</summary>
internal sealed class ApplicationPersonReferences(TunasDb db) : IPersonReferences
{
    public Task<bool> BlocksMergeAsync(long keptPersonId, long removedPersonId, CancellationToken ct = default)
    {
        var programsOfKept = db.Applications.Where(a => a.PersonId == keptPersonId).Select(a => a.ProgramId);
        return db.Applications.AnyAsync(a => a.PersonId == removedPersonId && programsOfKept.Contains(a.ProgramId), ct);
    }

    public Task MoveAsync(long removedPersonId, long keptPersonId, CancellationToken ct = default) =>
        db.Applications.Where(a => a.PersonId == removedPersonId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.PersonId, keptPersonId), ct);
}
