using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>
/// The programs and providers the signed-in user may see: those of their own agency. Another agency's program is
/// simply not found. Also the region facts the checks need (current kelurahan, the program's area).
/// </summary>
public sealed class ProgramScope(TunasDb db, CurrentUser me, RegionDirectory regions, TimeProvider clock)
{
    /// <summary>The user's agency; a user without one (none exists today) sees nothing, as no agency has id 0.</summary>
    public int AgencyId => me.AgencyId ?? 0;

    public DateOnly Today => clock.TodayInIndonesia();

    public IQueryable<TrainingProgram> Programs => db.Programs.Where(p => p.AgencyId == AgencyId);

    public IQueryable<Provider> Providers => db.Providers.Where(p => p.AgencyId == AgencyId);

    /// <summary>The program with its tracks and their modules, tracked for a change; null when not the user's.</summary>
    public Task<TrainingProgram?> FindAsync(int id, CancellationToken ct = default) =>
        Programs.Include(p => p.Tracks).ThenInclude(t => t.Modules).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<string?> AgencyRegencyAsync(CancellationToken ct = default) =>
        db.Agencies.Where(a => a.Id == AgencyId).Select(a => a.RegencyCode).FirstOrDefaultAsync(ct);

    /// <summary>Where the program's kelurahan lie: its domicile rule's region, else the agency's city.</summary>
    public async Task<string?> AreaAsync(TrainingProgram program, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.DomicileRegencyCode ?? await AgencyRegencyAsync(ct);
    }

    public async Task<Func<string, bool>> CurrentVillageAsync(CancellationToken ct = default)
    {
        var villages = await regions.VillagesAsync(ct);
        return code => villages.TryGetValue(code, out var v) && v.IsCurrent;
    }

    public async Task<Func<string, bool>> RegencyOrProvinceAsync(CancellationToken ct = default)
    {
        var upper = await regions.UpperLevelsAsync(ct);
        return code => upper.TryGetValue(code, out var r) && r.Level is RegionLevel.Regency or RegionLevel.Province;
    }

    /// <summary>The current kelurahan/desa inside <paramref name="area"/>, by name.</summary>
    public async Task<IReadOnlyList<RegionSummary>> VillagesInAsync(string? area, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(area))
        {
            return [];
        }
        var prefix = area + ".";
        var all = await regions.VillagesAsync(ct);
        return all.Values.Where(v => v.IsCurrent && v.Code.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => v.Name, StringComparer.Create(CultureInfo.GetCultureInfo("id-ID"), ignoreCase: true))
            .ThenBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyDictionary<string, RegionSummary>> AllVillagesAsync(CancellationToken ct = default) =>
        await regions.VillagesAsync(ct);

    /// <summary>The name of a region of any level, or the code itself.</summary>
    public async Task<string> RegionNameAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "";
        }
        var upper = await regions.UpperLevelsAsync(ct);
        if (upper.TryGetValue(code, out var region))
        {
            return region.Name;
        }
        var villages = await regions.VillagesAsync(ct);
        return villages.TryGetValue(code, out var village) ? village.Name : code;
    }
}
