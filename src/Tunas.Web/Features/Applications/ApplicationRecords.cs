using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>A message to the applicant about this application, as the outbox holds it.</summary>
public sealed record ApplicationMessage(long Id, MessageKind Kind, MessageChannel Channel, MessageStatus Status, DateTime CreatedAt, DateTime? SentAt, string Body);

/// <summary>An application as the staff read it on its own page: the NIK masked, the result, appeals and messages.</summary>
public sealed record ApplicationRecord(
    long Id,
    string RegistrationNumber,
    ApplicationStatus Status,
    ApplicationChannel Channel,
    long PersonId,
    string FullName,
    string MaskedNik,
    bool Verified,
    bool PersonShown,
    int ProgramId,
    string ProgramName,
    int ProgramYear,
    IntakeTrack? FirstTrack,
    IntakeTrack? SecondTrack,
    string VillageCode,
    string VillageName,
    DateTime SubmittedAt,
    DateTime? WithdrawnAt,
    string? WithdrawalReason,
    IReadOnlyList<IntakeCheck> Checks,
    PublishedDecision? Decision,
    IntakeTrack? DecisionTrack,
    IReadOnlyList<AppealView> Appeals,
    IReadOnlyList<ApplicationMessage> Messages);

/// <summary>
/// One application for the staff, and a resident's applications for their registry page. The row rules live in the
/// query: another agency's application is not found, and a kelurahan operator finds their own kelurahan's only.
/// </summary>
public sealed class ApplicationRecords(
    TunasDb db, CurrentUser me, RegionDirectory regions, IPublishedDecisions decisions, IAppealStatus appeals, IStringLocalizer<SharedResource> L)
    : IPersonApplications
{
    public async Task<ApplicationRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        var row = await (
            from x in Visible()
            where x.Id == id
            join p in db.Persons on x.PersonId equals p.Id
            join pr in db.Programs on x.ProgramId equals pr.Id
            select new { Application = x, p.Nik, p.FullName, p.Verified, ProgramName = pr.Name, pr.Year })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var a = row.Application;
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.AgencyId == a.AgencyId && t.ProgramId == a.ProgramId)
            .Select(t => new IntakeTrack(t.Id, t.Name, t.WomenOnly)).ToDictionaryAsync(t => t.Id, ct);
        IntakeTrack? Track(long? trackId) => trackId is { } i && tracks.TryGetValue((int)i, out var t) ? t : null;
        var decision = await decisions.FindAsync(a.AgencyId, a.ProgramId, a.Id, ct);
        var appealed = await appeals.ForApplicationAsync(a.AgencyId, a.Id, ct);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.AgencyId == a.AgencyId && m.ApplicationId == a.Id)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new ApplicationMessage(m.Id, m.Kind, m.Channel, m.Status, m.CreatedAt, m.SentAt, m.Body))
            .ToListAsync(ct);
        var villages = await regions.VillagesAsync(ct);
        var hidden = HeldFromViewer(a.Status, me);
        return new ApplicationRecord(a.Id, a.RegistrationNumber, AsSeen(a.Status, me), a.Channel, a.PersonId,
            hidden ? a.GivenName ?? "" : row.FullName, Nik.Mask(row.Nik), !hidden && row.Verified, !hidden,
            a.ProgramId, row.ProgramName, row.Year, Track(a.FirstTrackId), Track(a.SecondTrackId), a.VillageCode,
            villages.TryGetValue(a.VillageCode, out var v) ? v.Name : a.VillageCode,
            Utc(a.SubmittedAt), a.WithdrawnAt is { } w ? Utc(w) : null, a.WithdrawalReason, ApplicationJson.Checks(a.ChecksJson),
            decision, Track(decision?.TrackId), appealed,
            [.. messages.Select(m => m with { CreatedAt = Utc(m.CreatedAt), SentAt = m.SentAt is { } s ? Utc(s) : null })]);
    }

    public async Task<IReadOnlyList<PersonApplication>> ForPersonAsync(long personId, CancellationToken ct = default)
    {
        var rows = await (
            from a in Visible()
            where a.PersonId == personId
            join pr in db.Programs on a.ProgramId equals pr.Id
            orderby a.SubmittedAt descending, a.Id descending
            select new { a.Id, a.AgencyId, a.RegistrationNumber, a.Status, a.ProgramId, pr.Name, pr.Year, a.SubmittedAt })
            .ToListAsync(ct);
        var list = new List<PersonApplication>(rows.Count);
        foreach (var r in rows)
        {
            var decision = r.Status == ApplicationStatus.Withdrawn ? null : await decisions.FindAsync(r.AgencyId, r.ProgramId, r.Id, ct);
            var status = decision is { } d ? ApplicationText.DecisionLabel(d.Status, L) : StaffStatusLabel(AsSeen(r.Status, me), L);
            list.Add(new PersonApplication(r.Id, r.RegistrationNumber, r.ProgramId, r.Name, r.Year, status, Utc(r.SubmittedAt)));
        }
        return list;
    }

    /// <summary>The application's own status in the staff's words (a held one is named, unlike for the applicant).</summary>
    public static string StaffStatusLabel(ApplicationStatus status, IStringLocalizer L) => status switch
    {
        ApplicationStatus.Held => L["Held for verification"],
        _ => ApplicationText.StatusLabel(status, L),
    };

    /// <summary>
    /// The status as the user may see it: a kelurahan operator sees a held application as submitted, as the new
    /// resident's application it was answered as (decision 0021); the officers who resolve it see it held.
    /// </summary>
    public static ApplicationStatus AsSeen(ApplicationStatus status, CurrentUser me) =>
        HeldFromViewer(status, me) ? ApplicationStatus.Submitted : status;

    /// <summary>
    /// Whether the registry's person behind the application is hidden from the user: a kelurahan operator reads their held
    /// application with the name they typed, unverified and without a link, never the name of the person elsewhere.
    /// </summary>
    public static bool HeldFromViewer(ApplicationStatus status, CurrentUser me) =>
        status == ApplicationStatus.Held && RegistryAccess.OwnVillage(me) is not null;

    private IQueryable<Application> Visible()
    {
        var agency = me.AgencyId ?? 0;
        var query = db.Applications.AsNoTracking().Where(a => a.AgencyId == agency);
        if (RegistryAccess.OwnVillage(me) is { } own)
        {
            query = query.Where(a => a.VillageCode == own);
        }
        return query;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
