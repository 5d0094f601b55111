using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Selection;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>
/// The completions Selection reads for its "not trained recently" rule: a certificate issued is a completion recorded,
/// dated by the cohort's last day. A revoked certificate still counts: the person was trained (decision 0024).
/// </summary>
internal sealed class CertificateHistory(TunasDb db) : ITrainingHistory
{
    public async Task<IReadOnlyDictionary<long, DateOnly>> LastCompletedAsync(int agencyId, int exceptProgramId, CancellationToken ct = default)
    {
        var rows = await (
            from c in db.Set<Certificate>().AsNoTracking()
            where c.AgencyId == agencyId && c.ProgramId != exceptProgramId
            join x in db.Set<CohortParticipant>() on c.ParticipantId equals x.Id
            join a in db.Applications on x.ApplicationId equals a.Id
            select new { a.PersonId, c.EndsOn }).ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Max(r => r.EndsOn));
    }
}
