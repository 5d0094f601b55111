using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Businesses;

public sealed record OwnerRead(long PersonId, string FullName);

public sealed record PhotoRead(long Id, string Url, int Width, int Height, long Bytes);

/// <summary>A worker as staff see them: the NIK masked, always.</summary>
public sealed record WorkerRead(
    long Id, string FullName, string? Nik, int HoursPerWeek, string PayBand, DateOnly StartedOn, DateOnly? EndedOn, int? HouseholdDesil,
    IReadOnlyList<string> Flags);

public sealed record PermitRead(string Kind, string Status, string? Number, DateOnly? IssuedOn, string? BlockedBy, string? DocumentUrl);

public sealed record BusinessRead(
    long Id, string Name, string Category, string? Description, string VillageCode, string VillageName, string? Address, DateOnly? StartedOn,
    string Status, string? ClosedReason, string? WhatsApp, bool CatalogueConsent, string? FacilitatorId, IReadOnlyList<OwnerRead> Owners,
    IReadOnlyList<PhotoRead> Photos, IReadOnlyList<WorkerRead> Workers, IReadOnlyList<PermitRead> Permits);

public sealed record BusinessSummary(long Id, string Name, string Category, string VillageCode, string VillageName, string Status, string Owners, int Workers);

public sealed record BusinessPage(IReadOnlyList<BusinessSummary> Items, int Total);

public sealed record BusinessFilter(string? Q = null, int? CategoryId = null, string? VillageCode = null, string? Status = null, int Page = 1);

public sealed record PermitStepCount(string Kind, int NotStarted, int InProgress, int Granted, int Rejected);

/// <summary>How far a cohort's graduates got on the permit path: per step, how many of their businesses are where.</summary>
public sealed record CohortPermits(int CohortId, string CohortName, int Participants, int WithBusiness, int Businesses, IReadOnlyList<PermitStepCount> Steps);

/// <summary>Reads businesses within the caller's <see cref="BusinessScope"/>.</summary>
public sealed class BusinessReader(TunasDb db, BusinessScope scope, VillageNames villages)
{
    public const int PageSize = 25;

    public async Task<BusinessPage> ListAsync(BusinessFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = scope.Businesses.AsNoTracking();
        if (TextInput.Clean(filter.Q) is { } q)
        {
            var pattern = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() + "%";
#pragma warning disable CA1304, CA1311 // translated to SQL upper(): no .NET culture takes part
            query = query.Where(b => EF.Functions.Like(b.Name.ToUpper(), pattern));
#pragma warning restore CA1304, CA1311
        }
        if (filter.CategoryId is { } category)
        {
            query = query.Where(b => b.CategoryId == category);
        }
        if (!string.IsNullOrWhiteSpace(filter.VillageCode))
        {
            var village = filter.VillageCode.Trim();
            query = query.Where(b => b.VillageCode == village);
        }
        if (Enum.TryParse<BusinessStatus>(filter.Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(b => b.Status == status);
        }
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var rows = await query.OrderBy(b => b.Name).ThenBy(b => b.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(b => new
            {
                b.Id,
                b.Name,
                Category = db.Set<BusinessCategory>().Where(c => c.AgencyId == b.AgencyId && c.Id == b.CategoryId).Select(c => c.Name).FirstOrDefault(),
                b.VillageCode,
                b.Status,
                Workers = db.Set<BusinessWorker>().Count(w => w.AgencyId == b.AgencyId && w.BusinessId == b.Id && w.EndedOn == null),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var owners = await OwnersAsync(ids, ct);
        var names = await villages.AllAsync(ct);
        return new BusinessPage([.. rows.Select(r => new BusinessSummary(r.Id, r.Name, r.Category ?? "", r.VillageCode,
            names.TryGetValue(r.VillageCode, out var v) ? v.Name : r.VillageCode, BusinessFields.Code(r.Status),
            string.Join(", ", owners.Where(o => o.BusinessId == r.Id).Select(o => o.FullName)), r.Workers))], total);
    }

    public async Task<BusinessRead?> ReadAsync(long id, CancellationToken ct = default)
    {
        if (await scope.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } b)
        {
            return null;
        }
        var category = await db.Set<BusinessCategory>().Where(c => c.AgencyId == b.AgencyId && c.Id == b.CategoryId).Select(c => c.Name).FirstAsync(ct);
        var owners = (await OwnersAsync([id], ct)).Select(o => new OwnerRead(o.PersonId, o.FullName)).ToList();
        var photos = await db.Set<BusinessPhoto>().AsNoTracking().Where(p => p.AgencyId == b.AgencyId && p.BusinessId == id).OrderBy(p => p.Id)
            .Select(p => new PhotoRead(p.Id, $"/api/v1/businesses/{id}/photos/{p.Id}", p.Width, p.Height, p.Bytes)).ToListAsync(ct);
        var permits = await db.Set<BusinessPermit>().AsNoTracking().Where(p => p.AgencyId == b.AgencyId && p.BusinessId == id).ToDictionaryAsync(p => p.Kind, ct);
        var names = await villages.AllAsync(ct);
        return new BusinessRead(b.Id, b.Name, category, b.Description, b.VillageCode, names.TryGetValue(b.VillageCode, out var v) ? v.Name : b.VillageCode,
            b.Address, b.StartedOn, BusinessFields.Code(b.Status), b.ClosedReason, b.WhatsApp, b.CatalogueConsent, b.FacilitatorId, owners, photos,
            await WorkersAsync(b, ct), [.. PermitRules.Path.Select(k => Permit(id, k, permits.GetValueOrDefault(k)))]);
    }

    public static PermitRead Permit(long businessId, PermitKind kind, BusinessPermit? p) => new(
        PermitRules.Code(kind), PermitRules.Code(p?.Status ?? PermitStatus.NotStarted), p?.Number, p?.IssuedOn, p?.BlockedBy,
        p?.DocumentFile is null ? null : $"/api/v1/businesses/{businessId}/permits/{PermitRules.Code(kind)}/document");

    /// <summary>
    /// The business's workers, each with their household's desil when the registry knows their NIK, and flagged when the
    /// same NIK works in another of the agency's businesses over days that overlap.
    /// </summary>
    public async Task<IReadOnlyList<WorkerRead>> WorkersAsync(Business business, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        var workers = await db.Set<BusinessWorker>().AsNoTracking().Where(w => w.AgencyId == business.AgencyId && w.BusinessId == business.Id)
            .OrderBy(w => w.EndedOn != null).ThenBy(w => w.FullName).ThenBy(w => w.Id).ToListAsync(ct);
        var niks = workers.Where(w => w.Nik != null).Select(w => w.Nik!).Distinct(StringComparer.Ordinal).ToList();
        var desil = await DesilAsync(business.AgencyId, niks, ct);
        var elsewhere = niks.Count == 0 ? [] : await db.Set<BusinessWorker>().AsNoTracking()
            .Where(w => w.AgencyId == business.AgencyId && w.BusinessId != business.Id && w.Nik != null && niks.Contains(w.Nik))
            .Select(w => new { w.Nik, w.StartedOn, w.EndedOn }).ToListAsync(ct);
        return [.. workers.Select(w => new WorkerRead(w.Id, w.FullName, w.Nik is null ? null : Nik.Mask(w.Nik), w.HoursPerWeek, WorkerRules.Code(w.PayBand),
            w.StartedOn, w.EndedOn, w.Nik is null ? null : desil.GetValueOrDefault(w.Nik),
            w.Nik is not null && elsewhere.Any(o => o.Nik == w.Nik && WorkerRules.Overlap(w.StartedOn, w.EndedOn, o.StartedOn, o.EndedOn)) ? [WorkerRules.DoubleCounted] : []))];
    }

    /// <summary>The desil of each NIK's household: the person's own, else the lowest of anyone on the same family card.</summary>
    private async Task<Dictionary<string, int?>> DesilAsync(int agencyId, List<string> niks, CancellationToken ct)
    {
        if (niks.Count == 0)
        {
            return [];
        }
        var persons = await db.Persons.AsNoTracking().Where(p => p.AgencyId == agencyId && niks.Contains(p.Nik))
            .Select(p => new { p.Nik, p.WelfareDecile, p.HouseholdId }).ToListAsync(ct);
        var households = persons.Where(p => p.WelfareDecile is null && p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var byHousehold = households.Count == 0 ? [] : await db.Persons.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.HouseholdId != null && households.Contains(p.HouseholdId.Value) && p.WelfareDecile != null)
            .GroupBy(p => p.HouseholdId!.Value).Select(g => new { Household = g.Key, Desil = g.Min(p => p.WelfareDecile) }).ToDictionaryAsync(g => g.Household, g => g.Desil, ct);
        return persons.ToDictionary(p => p.Nik, p => p.WelfareDecile ?? (p.HouseholdId is { } h ? byHousehold.GetValueOrDefault(h) : null), StringComparer.Ordinal);
    }

    private async Task<List<(long BusinessId, long PersonId, string FullName)>> OwnersAsync(List<long> businesses, CancellationToken ct)
    {
        var rows = await (
            from o in db.Set<BusinessOwner>().AsNoTracking()
            where o.AgencyId == scope.AgencyId && businesses.Contains(o.BusinessId)
            join p in db.Persons on new { o.AgencyId, Id = o.PersonId } equals new { p.AgencyId, p.Id }
            orderby p.FullName
            select new { o.BusinessId, o.PersonId, p.FullName }).ToListAsync(ct);
        return [.. rows.Select(r => (r.BusinessId, r.PersonId, r.FullName))];
    }

    /// <summary>The cohort's graduates' businesses on the permit path; null when the agency has no such cohort.</summary>
    public async Task<CohortPermits?> CohortAsync(int cohortId, CancellationToken ct = default)
    {
        var agency = scope.AgencyId;
        if (await db.Set<Cohort>().AsNoTracking().Where(c => c.AgencyId == agency && c.Id == cohortId).Select(c => c.Name).FirstOrDefaultAsync(ct) is not { } name)
        {
            return null;
        }
        var persons = from p in db.Set<CohortParticipant>()
                      where p.AgencyId == agency && p.CohortId == cohortId
                      join a in db.Applications on new { p.AgencyId, Id = p.ApplicationId } equals new { a.AgencyId, a.Id }
                      select a.PersonId;
        var participants = await persons.CountAsync(ct);
        var owned = db.Set<BusinessOwner>().Where(o => o.AgencyId == agency && persons.Contains(o.PersonId));
        var withBusiness = await owned.Select(o => o.PersonId).Distinct().CountAsync(ct);
        var businesses = owned.Select(o => o.BusinessId).Distinct();
        var count = await businesses.CountAsync(ct);
        var statuses = await db.Set<BusinessPermit>().AsNoTracking().Where(p => p.AgencyId == agency && businesses.Contains(p.BusinessId))
            .GroupBy(p => new { p.Kind, p.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Of(PermitKind k, PermitStatus s) => statuses.Where(x => x.Kind == k && x.Status == s).Sum(x => x.Count);
        return new CohortPermits(cohortId, name, participants, withBusiness, count, [.. PermitRules.Path.Select(k => new PermitStepCount(
            PermitRules.Code(k), count - statuses.Where(x => x.Kind == k && x.Status != PermitStatus.NotStarted).Sum(x => x.Count),
            Of(k, PermitStatus.InProgress), Of(k, PermitStatus.Granted), Of(k, PermitStatus.Rejected)))]);
    }
}
