using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>One application in a staff list: the NIK masked.</summary>
public sealed record ApplicationListItem(
    string RegistrationNumber,
    string MaskedNik,
    string FullName,
    string VillageCode,
    int FirstTrackId,
    int? SecondTrackId,
    ApplicationChannel Channel,
    ApplicationStatus Status,
    DateTime SubmittedAt,
    bool Verified,
    long Id);

public sealed record ApplicationPage(IReadOnlyList<ApplicationListItem> Items, int Total, int Page, int PageSize);

public sealed record VillageCount(string VillageCode, int Applications);

/// <summary>Filters of a staff list; a track matches either choice.</summary>
public sealed record ApplicationFilter(string? VillageCode, int? TrackId, int Page = 1, int PageSize = ApplicationList.DefaultPageSize);

/// <summary>A program as a staff page picks it.</summary>
public sealed record ProgramChoice(int Id, string Name, int Year, ProgramStatus Status);

/// <summary>
/// The applications of a program for staff. The row rules live in the query: a program of another agency is not
/// found, and a kelurahan operator sees the applications of their own kelurahan only.
/// </summary>
public sealed class ApplicationList(TunasDb db, CurrentUser me)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The kelurahan a kelurahan operator is bound to; null for officers.</summary>
    public string? OwnVillage => RegistryAccess.OwnVillage(me);

    /// <summary>The programs of the user's agency that take applications or took them, the newest first.</summary>
    public async Task<IReadOnlyList<ProgramChoice>> ProgramsAsync(CancellationToken ct = default)
    {
        var agency = me.AgencyId ?? 0;
        return await db.Programs.AsNoTracking()
            .Where(p => p.AgencyId == agency && p.Status != ProgramStatus.Draft)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.RegistrationOpens).ThenByDescending(p => p.Id)
            .Select(p => new ProgramChoice(p.Id, p.Name, p.Year, p.Status))
            .ToListAsync(ct);
    }

    /// <summary>The program when it belongs to the user's agency.</summary>
    public async Task<TrainingProgram?> ProgramAsync(int id, CancellationToken ct = default)
    {
        var agency = me.AgencyId ?? 0;
        return await db.Programs.AsNoTracking().Include(p => p.Tracks).FirstOrDefaultAsync(p => p.Id == id && p.AgencyId == agency, ct);
    }

    public async Task<ApplicationPage> PageAsync(int programId, ApplicationFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = Visible(programId);
        if (!string.IsNullOrWhiteSpace(filter.VillageCode))
        {
            var village = filter.VillageCode.Trim();
            query = query.Where(a => a.VillageCode == village);
        }
        if (filter.TrackId is { } track)
        {
            query = query.Where(a => a.FirstTrackId == track || a.SecondTrackId == track);
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => new
            {
                a.Id,
                a.RegistrationNumber,
                p.Nik,
                p.FullName,
                a.GivenName,
                a.VillageCode,
                a.FirstTrackId,
                a.SecondTrackId,
                a.Channel,
                a.Status,
                a.SubmittedAt,
                p.Verified,
            })
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var hidden = ApplicationRecords.HeldFromViewer(r.Status, me);
            return new ApplicationListItem(r.RegistrationNumber, Nik.Mask(r.Nik), hidden ? r.GivenName ?? "" : r.FullName, r.VillageCode, r.FirstTrackId,
                r.SecondTrackId, r.Channel, ApplicationRecords.AsSeen(r.Status, me), DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc), !hidden && r.Verified, r.Id);
        }).ToList();
        return new ApplicationPage(items, total, page, size);
    }

    /// <summary>Applications per kelurahan (the user's own only, for an operator), the most first.</summary>
    public async Task<IReadOnlyList<VillageCount>> CountsAsync(int programId, int? trackId, CancellationToken ct = default)
    {
        var query = Visible(programId);
        if (trackId is { } track)
        {
            query = query.Where(a => a.FirstTrackId == track || a.SecondTrackId == track);
        }
        var counts = await query.GroupBy(a => a.VillageCode)
            .Select(g => new VillageCount(g.Key, g.Count()))
            .ToListAsync(ct);
        return [.. counts.OrderByDescending(c => c.Applications).ThenBy(c => c.VillageCode, StringComparer.Ordinal)];
    }

    private IQueryable<Application> Visible(int programId)
    {
        var agency = me.AgencyId ?? 0;
        var query = db.Applications.AsNoTracking().Where(a => a.AgencyId == agency && a.ProgramId == programId);
        if (OwnVillage is { } own)
        {
            query = query.Where(a => a.VillageCode == own);
        }
        return query;
    }
}
