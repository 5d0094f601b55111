using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Agencies;

/// <summary>What public pages show of the agency (its name and city).</summary>
public sealed record AgencyHeaderValues(string Name, string? RegencyCode);

/// <summary>
/// The agency's name and city for public pages, kept for <see cref="Lifetime"/> so that a busy landing page asks
/// the database a few times a minute rather than once a request. The settings page forgets it at once; another
/// server sees a change within the lifetime.
/// </summary>
public sealed class AgencyHeader(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // One reference, swapped whole: readers on other threads never see half of it.
    private volatile Kept? _kept;

    public async Task<AgencyHeaderValues> GetAsync(CancellationToken ct = default)
    {
        if (_kept is { } kept && kept.Until > clock.GetUtcNow())
        {
            return kept.Values;
        }
        using var scope = scopes.CreateScope();
        var values = await scope.ServiceProvider.GetRequiredService<TunasDb>().Agencies.AsNoTracking()
            .OrderBy(a => a.Id).Select(a => new AgencyHeaderValues(a.Name, a.RegencyCode)).FirstAsync(ct);
        _kept = new Kept(values, clock.GetUtcNow() + Lifetime);
        return values;
    }

    public void Forget() => _kept = null;

    private sealed record Kept(AgencyHeaderValues Values, DateTimeOffset Until);
}
