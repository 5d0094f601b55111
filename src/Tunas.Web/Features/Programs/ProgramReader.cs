using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Programs;

/// <summary>A program in the list: its calendar, size and how far it has come.</summary>
public sealed record ProgramSummary(
    int Id, string Name, int Year, ProgramStatus Status, long Budget, int TargetSize,
    DateOnly RegistrationOpens, DateOnly RegistrationCloses, DateOnly? TrainingStarts, DateOnly? TrainingEnds,
    int TrackCount, int QuotaTotal, int ApplicationCount);

public sealed record ModuleRead(string Name, ModuleKind Kind, int Hours);

public sealed record TrackProviderRead(int ProviderId, string Name, ProviderType Type, int? Seats);

public sealed record TrackRead(
    int Id, string Name, string? Description, bool WomenOnly, int SortOrder, int Hours,
    IReadOnlyList<ModuleRead> Modules, IReadOnlyList<TrackProviderRead> Providers);

public sealed record QuotaRead(string VillageCode, string VillageName, int? TrackId, int Size);

/// <summary>The eligibility rules (null: off) and the selection settings of a program.</summary>
public sealed record RulesRead(
    int? MinAge, int? MaxAge, DateOnly? AgeReferenceDate, int? MaxDesil, string? DomicileRegencyCode,
    int? MaxPerHousehold, int? ExcludeTrainedWithinYears, IReadOnlyList<int> WomenOnlyTrackIds,
    int YouthWeight, int WomenWeight, SpillOverRule SpillOver, int? WaitlistLength, NameDisplay NameDisplay,
    int CompletionAttendancePercent, bool CompletionRequiresPractical)
{
    public static RulesRead From(TrainingProgram p) => new(
        p.MinAge, p.MaxAge, p.AgeReferenceDate, p.MaxDesil, p.DomicileRegencyCode, p.MaxPerHousehold, p.ExcludeTrainedWithinYears,
        [.. p.Tracks.Where(t => t.WomenOnly).OrderBy(t => t.Id).Select(t => t.Id)],
        p.YouthWeight, p.WomenWeight, p.SpillOver, p.WaitlistLength, p.NameDisplay, p.CompletionAttendancePercent, p.CompletionRequiresPractical);
}

/// <summary>A whole program: fields, calendar, tracks with modules and providers, quotas and rules.</summary>
public sealed record ProgramRead(
    int Id, string Name, int Year, long Budget, string? Description, int TargetSize, ProgramStatus Status,
    string Seed, bool SeedLocked,
    DateOnly RegistrationOpens, DateOnly RegistrationCloses, DateOnly? SelectionOn, DateOnly? PublicationOn,
    DateOnly? AppealOpens, DateOnly? AppealCloses, DateOnly? TrainingStarts, DateOnly? TrainingEnds,
    IReadOnlyList<TrackRead> Tracks, IReadOnlyList<QuotaRead> Quotas, int QuotaTotal, RulesRead Rules,
    int ApplicationCount, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>Transport allowance per attended day in whole rupiah; 0: none.</summary>
    public long TransportPerDay { get; init; }
}

public sealed record ProviderRead(
    int Id, string Name, ProviderType Type, string? Address, string? VillageCode, string? VillageName, int Capacity,
    string? ContactName, string? ContactPhone, string? ContactEmail, int TrackCount)
{
    public ProviderInput ToInput() => new()
    {
        Name = Name,
        Type = Type.ToString(),
        Address = Address,
        VillageCode = VillageCode,
        Capacity = Checks.Number(Capacity),
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
    };
}

/// <summary>The reads of this feature, shared by the pages and the API; always within the user's agency.</summary>
public sealed class ProgramReader(TunasDb db, ProgramScope scope, IApplicationCounts applications)
{
    public async Task<IReadOnlyList<ProgramSummary>> ListAsync(CancellationToken ct = default)
    {
        var programs = await scope.Programs.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.RegistrationOpens).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Year,
                p.Status,
                p.Budget,
                p.TargetSize,
                p.RegistrationOpens,
                p.RegistrationCloses,
                p.TrainingStarts,
                p.TrainingEnds,
                Tracks = p.Tracks.Count(t => t.AgencyId == p.AgencyId),
                Quotas = db.ProgramQuotas.Where(q => q.AgencyId == p.AgencyId && q.ProgramId == p.Id).Sum(q => (int?)q.Size) ?? 0,
            })
            .ToListAsync(ct);
        var counts = await applications.PerProgramAsync([.. programs.Select(p => p.Id)], ct);
        return [.. programs.Select(p => new ProgramSummary(p.Id, p.Name, p.Year, p.Status, p.Budget, p.TargetSize,
            p.RegistrationOpens, p.RegistrationCloses, p.TrainingStarts, p.TrainingEnds, p.Tracks, p.Quotas, counts.GetValueOrDefault(p.Id)))];
    }

    public async Task<ProgramRead?> ReadAsync(int id, CancellationToken ct = default)
    {
        var p = await scope.Programs.AsNoTracking().Include(x => x.Tracks).ThenInclude(t => t.Modules).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : await ReadAsync(p, ct);
    }

    public async Task<ProgramRead> ReadAsync(TrainingProgram p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var trackIds = p.Tracks.Select(t => t.Id).ToList();
        var links = await db.TrackProviders.AsNoTracking()
            .Where(tp => tp.AgencyId == p.AgencyId && trackIds.Contains(tp.TrackId))
            .Join(db.Providers, tp => tp.ProviderId, pr => pr.Id, (tp, pr) => new { tp.TrackId, pr.Id, pr.Name, pr.Type, tp.Seats })
            .ToListAsync(ct);
        var quotas = await db.ProgramQuotas.AsNoTracking().Where(q => q.AgencyId == p.AgencyId && q.ProgramId == p.Id).ToListAsync(ct);
        var villages = await scope.AllVillagesAsync(ct);
        var applied = (await applications.PerProgramAsync([p.Id], ct)).GetValueOrDefault(p.Id);
        var tracks = p.Tracks.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new TrackRead(
            t.Id, t.Name, t.Description, t.WomenOnly, t.SortOrder, t.Modules.Sum(m => m.Hours),
            [.. t.Modules.OrderBy(m => m.SortOrder).Select(m => new ModuleRead(m.Name, m.Kind, m.Hours))],
            [.. links.Where(l => l.TrackId == t.Id).OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => new TrackProviderRead(l.Id, l.Name, l.Type, l.Seats))]))
            .ToList();
        var quotaReads = quotas.OrderBy(q => q.RegionCode, StringComparer.Ordinal).ThenBy(q => q.TrackId)
            .Select(q => new QuotaRead(q.RegionCode, villages.TryGetValue(q.RegionCode, out var v) ? v.Name : q.RegionCode, q.TrackId, q.Size))
            .ToList();
        return new ProgramRead(p.Id, p.Name, p.Year, p.Budget, p.Description, p.TargetSize, p.Status, p.Seed,
            ProgramFields.SeedLocked(p, scope.Today),
            p.RegistrationOpens, p.RegistrationCloses, p.SelectionOn, p.PublicationOn, p.AppealOpens, p.AppealCloses, p.TrainingStarts, p.TrainingEnds,
            tracks, quotaReads, quotas.Sum(q => q.Size), RulesRead.From(p), applied, p.CreatedAt, p.UpdatedAt)
        { TransportPerDay = p.TransportPerDay };
    }

    public async Task<IReadOnlyList<ProviderRead>> ProvidersAsync(CancellationToken ct = default)
    {
        var rows = await scope.Providers.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new { Provider = p, Tracks = db.TrackProviders.Count(tp => tp.AgencyId == p.AgencyId && tp.ProviderId == p.Id) })
            .ToListAsync(ct);
        var villages = await scope.AllVillagesAsync(ct);
        return [.. rows.Select(r => ProviderRead(r.Provider, r.Tracks, villages))];
    }

    public async Task<ProviderRead?> ProviderAsync(int id, CancellationToken ct = default)
    {
        var row = await scope.Providers.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Provider = p, Tracks = db.TrackProviders.Count(tp => tp.AgencyId == p.AgencyId && tp.ProviderId == p.Id) })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : ProviderRead(row.Provider, row.Tracks, await scope.AllVillagesAsync(ct));
    }

    private static ProviderRead ProviderRead(Provider p, int tracks, IReadOnlyDictionary<string, Regions.RegionSummary> villages) => new(
        p.Id, p.Name, p.Type, p.Address, p.VillageCode,
        p.VillageCode is { } code && villages.TryGetValue(code, out var v) ? v.Name : null,
        p.Capacity, p.ContactName, p.ContactPhone, p.ContactEmail, tracks);
}
