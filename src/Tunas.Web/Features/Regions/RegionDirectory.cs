using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Tunas.Web.Features.Regions;

/// <summary>
/// Every region held in memory as one <see cref="RegionIndex"/>: the region API, every NIK check and every
/// import read them, and they change about once a year. An import in this process drops the copy at once;
/// one in another process (the `regions import` command, another instance) is seen by <see cref="RefreshAsync"/>
/// through <see cref="RegionsVersion"/>.
/// </summary>
public sealed class RegionDirectory(IServiceScopeFactory scopes, IOptions<HttpJsonOptions> json) : IDisposable
{
    private volatile RegionIndex? _index;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Drops the copy in memory; the next reader loads the regions again.</summary>
    public void Invalidate() => _index = null;

    public ValueTask<RegionIndex> IndexAsync(CancellationToken ct = default) =>
        _index is { } index ? ValueTask.FromResult(index) : new ValueTask<RegionIndex>(LoadAsync(null, ct));

    /// <summary>
    /// Reloads when the regions' version in the database is not the one in memory (one tiny query otherwise).
    /// True when a new copy was loaded.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken ct = default)
    {
        var held = _index;
        if (held is null)
        {
            return false;
        }
        using (var scope = scopes.CreateScope())
        {
            if (await VersionAsync(scope.ServiceProvider.GetRequiredService<TunasDb>(), ct) == held.Version)
            {
                return false;
            }
        }
        await LoadAsync(held, ct);
        return true;
    }

    /// <summary>Every kelurahan/desa (about 84,000), for checking codes and matching names in imports.</summary>
    public async Task<IReadOnlyDictionary<string, RegionSummary>> VillagesAsync(CancellationToken ct = default) =>
        (await IndexAsync(ct)).Villages;

    /// <summary>Provinces, regencies and districts (about 8,000), current or not.</summary>
    public async Task<IReadOnlyDictionary<string, RegionSummary>> UpperLevelsAsync(CancellationToken ct = default) =>
        (await IndexAsync(ct)).Upper;

    public void Dispose() => _gate.Dispose();

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

    /// <summary>Loads a new copy unless another caller replaced <paramref name="stale"/> meanwhile.</summary>
    private async Task<RegionIndex> LoadAsync(RegionIndex? stale, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_index is { } loaded && loaded != stale)
            {
                return loaded;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            // The version first: an import that commits in between makes the copy look older than it is, and the
            // next refresh loads it again, rather than newer data passing for the old version.
            var version = await VersionAsync(db, ct);
            var rows = await db.Regions.AsNoTracking()
                .Select(r => new RegionRow(r.Code, r.Name, r.Level, r.ParentCode, r.IsCurrent, r.SearchName))
                .ToListAsync(ct);
            var index = new RegionIndex(version, rows, json.Value.SerializerOptions);
            _index = index;
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Task<long> VersionAsync(TunasDb db, CancellationToken ct) =>
        db.Set<RegionsVersion>().AsNoTracking().Where(v => v.Id == RegionsVersion.Row).Select(v => v.Version).FirstOrDefaultAsync(ct);
}

public sealed record RegionSummary(string Code, string Name, RegionLevel Level, string? ParentCode, bool IsCurrent);
