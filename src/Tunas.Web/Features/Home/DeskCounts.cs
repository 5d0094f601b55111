using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Home;

/// <summary>One kind of work that waits, with its count per kelurahan ("" where a row has none, as an import of the whole registry).</summary>
public sealed record DeskItem(string Key, IReadOnlyDictionary<string, int> PerVillage)
{
    public int Total => PerVillage.Values.Sum();
}

/// <summary>
/// What waits for staff, counted per kelurahan with one grouped query per kind (the home page is read on every sign-in).
/// Home comes last in the feature order, so it reads the tables of the features before it directly.
/// </summary>
public sealed class DeskCounts(TunasDb db)
{
    public const string Messages = "messages";
    public const string Appeals = "appeals";
    public const string ToVerify = "to-verify";
    public const string HeldPersons = "held-persons";
    public const string HeldApplications = "held-applications";
    public const string Imports = "imports";

    /// <param name="village">A kelurahan operator's own kelurahan; null for the whole agency.</param>
    public async Task<IReadOnlyList<DeskItem>> CountAsync(int agency, string? village, CancellationToken ct)
    {
        var applications = db.Applications.AsNoTracking()
            .Where(a => a.AgencyId == agency && (village == null || a.VillageCode == village));

        var messages = await (from m in db.OutboxMessages.AsNoTracking()
                              where m.AgencyId == agency && (m.Status == MessageStatus.Pending || m.Status == MessageStatus.Failed)
                              join a in applications on m.ApplicationId equals a.Id
                              group m by a.VillageCode into g
                              select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var appeals = await (from x in db.Appeals.AsNoTracking()
                             where x.AgencyId == agency && x.Status == AppealStatus.Open
                             join a in applications on x.ApplicationId equals a.Id
                             group x by a.VillageCode into g
                             select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var heldApplications = await applications.Where(a => a.Status == ApplicationStatus.Held)
            .GroupBy(a => a.VillageCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var toVerify = await db.Persons.AsNoTracking()
            .Where(p => p.AgencyId == agency && !p.Verified && p.Origin == PersonOrigin.SelfRegistered && (village == null || p.VillageCode == village))
            .GroupBy(p => p.VillageCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var heldPersons = await db.PendingPersons.AsNoTracking()
            .Where(p => p.AgencyId == agency && p.ResolvedAt == null && (village == null || p.VillageCode == village))
            .GroupBy(p => p.VillageCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var imports = await db.ImportJobs.AsNoTracking()
            .Where(j => j.AgencyId == agency && (j.Status == ImportStatus.Failed || j.Status == ImportStatus.AwaitingMapping || (j.Status == ImportStatus.Completed && j.Rejected > 0))
                && (village == null || j.VillageCode == village))
            .GroupBy(j => j.VillageCode ?? "").Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        return
        [
            new(Messages, messages.ToDictionary(r => r.Key, r => r.Count)),
            new(Appeals, appeals.ToDictionary(r => r.Key, r => r.Count)),
            new(ToVerify, toVerify.ToDictionary(r => r.Key, r => r.Count)),
            new(HeldPersons, heldPersons.ToDictionary(r => r.Key, r => r.Count)),
            new(HeldApplications, heldApplications.ToDictionary(r => r.Key, r => r.Count)),
            new(Imports, imports.ToDictionary(r => r.Key, r => r.Count)),
        ];
    }

    /// <summary>The programs whose appeals wait for an answer: with only one, the to-do opens its appeals directly.</summary>
    public Task<List<int>> ProgramsWithOpenAppealsAsync(int agency, CancellationToken ct) =>
        (from x in db.Appeals.AsNoTracking()
         where x.AgencyId == agency && x.Status == AppealStatus.Open
         join a in db.Applications on x.ApplicationId equals a.Id
         select a.ProgramId).Distinct().Take(2).ToListAsync(ct);
}
