using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Applications;

internal sealed class ApplicationCounts(TunasDb db) : IApplicationCounts
{
    public async Task<IReadOnlyDictionary<int, int>> PerProgramAsync(IReadOnlyCollection<int> programIds, CancellationToken ct = default)
    {
        if (programIds.Count == 0)
        {
            return new Dictionary<int, int>();
        }
        return await db.Applications.AsNoTracking()
            .Where(a => programIds.Contains(a.ProgramId))
            .GroupBy(a => a.ProgramId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public Task<int> ForTrackAsync(int trackId, CancellationToken ct = default) =>
        db.Applications.CountAsync(a => a.FirstTrackId == trackId || a.SecondTrackId == trackId, ct);
}
