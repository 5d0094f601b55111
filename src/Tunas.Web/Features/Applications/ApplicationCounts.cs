using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>Counts for the signed-in user's agency: another agency's program or track counts nothing.</summary>
internal sealed class ApplicationCounts(TunasDb db, CurrentUser me) : IApplicationCounts
{
    private int Agency => me.AgencyId ?? 0;

    public async Task<IReadOnlyDictionary<int, int>> PerProgramAsync(IReadOnlyCollection<int> programIds, CancellationToken ct = default)
    {
        if (programIds.Count == 0)
        {
            return new Dictionary<int, int>();
        }
        return await db.Applications.AsNoTracking()
            .Where(a => a.AgencyId == Agency && programIds.Contains(a.ProgramId))
            .GroupBy(a => a.ProgramId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public Task<int> ForTrackAsync(int trackId, CancellationToken ct = default) =>
        db.Applications.CountAsync(a => a.AgencyId == Agency && (a.FirstTrackId == trackId || a.SecondTrackId == trackId), ct);
}
