using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Agencies;

/// <summary>The deployment's agency: created at first start, values from configuration applied at every start.</summary>
public sealed class AgencyService(TunasDb db, IOptions<AgencyOptions> options, TimeProvider clock, ILogger<AgencyService> log) : IHomeRegency
{
    public async Task<Agency> EnsureAsync(CancellationToken ct = default)
    {
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        if (agency is null)
        {
            agency = new Agency { Name = "Dinas" };
            db.Agencies.Add(agency);
        }
        var o = options.Value;
        var changed = agency.Id == 0;
        changed |= Apply(o.Name, v => agency.Name = v, agency.Name);
        changed |= Apply(o.RegencyCode, v => agency.RegencyCode = v, agency.RegencyCode);
        changed |= Apply(o.Address, v => agency.Address = v, agency.Address);
        changed |= Apply(o.HeadName, v => agency.HeadName = v, agency.HeadName);
        changed |= Apply(o.HeadTitle, v => agency.HeadTitle = v, agency.HeadTitle);
        changed |= Apply(o.SignatoryName, v => agency.SignatoryName = v, agency.SignatoryName);
        changed |= Apply(o.SignatoryTitle, v => agency.SignatoryTitle = v, agency.SignatoryTitle);
        changed |= Apply(o.SignatoryEmployeeNumber, v => agency.SignatoryEmployeeNumber = v, agency.SignatoryEmployeeNumber);
        if (changed)
        {
            if (o.RegencyCode is { Length: > 0 } code && !await db.Regions.AnyAsync(r => r.Code == code && r.Level == Regions.RegionLevel.Regency, ct))
            {
                throw new InvalidOperationException($"Agency:RegencyCode '{code}' is not a regency/city code (dotted, e.g. 35.72).");
            }
            agency.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            log.LogInformation("Agency settings applied from configuration");
        }
        return agency;
    }

    public Task<Agency> CurrentAsync(CancellationToken ct = default) =>
        db.Agencies.OrderBy(a => a.Id).FirstAsync(ct);

    private static bool Apply(string? configured, Action<string> set, string? current)
    {
        if (string.IsNullOrWhiteSpace(configured) || configured == current)
        {
            return false;
        }
        set(configured.Trim());
        return true;
    }

    public async Task<string?> RegencyCodeAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).RegencyCode;
}
