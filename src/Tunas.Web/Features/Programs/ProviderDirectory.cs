using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Programs;

internal sealed class ProviderDirectory(TunasDb db) : IProviderDirectory
{
    public Task<bool> ExistsAsync(int agencyId, int providerId, CancellationToken ct = default) =>
        db.Providers.AsNoTracking().AnyAsync(p => p.Id == providerId && p.AgencyId == agencyId, ct);
}
