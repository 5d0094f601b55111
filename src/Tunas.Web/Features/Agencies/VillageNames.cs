using System.Globalization;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Agencies;

/// <summary>The kelurahan of the agency's city and their names, for the registry's filters and pages.</summary>
public sealed class VillageNames(RegionDirectory regions, AgencyService agencies)
{
    public Task<IReadOnlyDictionary<string, RegionSummary>> AllAsync(CancellationToken ct = default) => regions.VillagesAsync(ct);

    public async Task<string?> AgencyRegencyAsync(CancellationToken ct = default) => (await agencies.CurrentAsync(ct)).RegencyCode;

    /// <summary>The current kelurahan/desa of the agency's regency/city, by name.</summary>
    public async Task<IReadOnlyList<RegionSummary>> OfAgencyAsync(CancellationToken ct = default)
    {
        var regency = await AgencyRegencyAsync(ct);
        if (string.IsNullOrEmpty(regency))
        {
            return [];
        }
        var prefix = regency + ".";
        var all = await regions.VillagesAsync(ct);
        return all.Values.Where(v => v.IsCurrent && v.Code.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => v.Name, StringComparer.Create(CultureInfo.GetCultureInfo("id-ID"), ignoreCase: true))
            .ThenBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<string> NameAsync(string code, CancellationToken ct = default) =>
        (await regions.VillagesAsync(ct)).TryGetValue(code, out var v) ? v.Name : code;
}
