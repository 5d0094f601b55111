using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>Builds the <see cref="RegistryContext"/> the person rules need: today, the regions, the agency's city.</summary>
public sealed class RegistryRules(RegionDirectory regions, AgencyService agencies, TimeProvider clock)
{
    public async Task<RegistryContext> ContextAsync(string? regencyCode = null, CancellationToken ct = default)
    {
        var districts = await regions.DistrictLookupAsync(ct);
        var villages = await regions.VillagesAsync(ct);
        var regency = regencyCode ?? (await agencies.CurrentAsync(ct)).RegencyCode;
        return new RegistryContext(clock.TodayInIndonesia(), districts,
            code => villages.TryGetValue(code, out var v) && v.IsCurrent, regency);
    }

    public async Task<PersonCheck> CheckAsync(PersonInput input, CancellationToken ct = default) =>
        PersonRules.Check(input, await ContextAsync(null, ct));
}
