using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Regions;

/// <summary>
/// Provinces, regencies and districts (about 8,000 rows) held in memory, because every NIK check needs the
/// district and its parents' names; villages stay in the database. Reloaded after an import.
/// </summary>
public sealed class RegionDirectory(IServiceScopeFactory scopes) : IDisposable
{
    private volatile Dictionary<string, RegionSummary>? _upper;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private volatile Dictionary<string, RegionSummary>? _villages;

    public void Invalidate()
    {
        _upper = null;
        _villages = null;
    }

    /// <summary>Every kelurahan/desa (about 84,000), for checking codes and matching names in imports.</summary>
    public async Task<IReadOnlyDictionary<string, RegionSummary>> VillagesAsync(CancellationToken ct = default)
    {
        if (_villages is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_villages is { } again)
            {
                return again;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var rows = await db.Regions.AsNoTracking()
                .Where(r => r.Level == RegionLevel.Village)
                .Select(r => new RegionSummary(r.Code, r.Name, r.Level, r.ParentCode, r.IsCurrent))
                .ToListAsync(ct);
            var loaded = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
            _villages = loaded;
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyDictionary<string, RegionSummary>> UpperLevelsAsync(CancellationToken ct = default)
    {
        if (_upper is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_upper is { } again)
            {
                return again;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var rows = await db.Regions.AsNoTracking()
                .Where(r => r.Level != RegionLevel.Village)
                .Select(r => new RegionSummary(r.Code, r.Name, r.Level, r.ParentCode, r.IsCurrent))
                .ToListAsync(ct);
            var loaded = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
            _upper = loaded;
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A lookup for the NIK rules: dotted district code → its names, or null when unknown or no longer current.</summary>
    public async Task<Func<string, NikRegion?>> DistrictLookupAsync(CancellationToken ct = default)
    {
        var upper = await UpperLevelsAsync(ct);
        return code =>
        {
            if (!upper.TryGetValue(code, out var district) || district.Level != RegionLevel.District || !district.IsCurrent)
            {
                return null;
            }
            var regency = district.ParentCode is { } rc && upper.TryGetValue(rc, out var r) ? r : null;
            var province = regency?.ParentCode is { } pc && upper.TryGetValue(pc, out var p) ? p : null;
            return new NikRegion(district.Code, district.Name, regency?.Name ?? "", province?.Name ?? "");
        };
    }
}

public sealed record RegionSummary(string Code, string Name, RegionLevel Level, string? ParentCode, bool IsCurrent);
