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
        return (await regions.IndexAsync(ct)).CurrentVillagesOf(regency);
    }

    public async Task<string> NameAsync(string code, CancellationToken ct = default) =>
        (await regions.VillagesAsync(ct)).TryGetValue(code, out var v) ? v.Name : code;
}
