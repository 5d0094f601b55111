using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>A held application beside the registry's person it claims: what the officer weighs.</summary>
public sealed record HeldApplicationRow(
    long Id, string RegistrationNumber, int ProgramId, string ProgramName, ApplicationChannel Channel, string VillageCode, string? GivenName, string? GivenPhone,
    DateTime SubmittedAt, long PersonId, string PersonName, string MaskedNik, string PersonVillageCode, string? PhoneOnRecord, bool FamilyCardOnRecord);

public enum ReleaseOutcome
{
    Done,
    NotFound,

    /// <summary>The person has an application in the program already: only one may stand.</summary>
    AlreadyApplied,
}

/// <summary>
/// Held applications (decision 0016): an officer verifies the claimant (the application joins the selection as
/// submitted, and the phone it gave becomes the one its messages go to) or rejects it; both audited with a note
/// (decision 0021).
/// </summary>
public sealed class HeldApplications(TunasDb db, AuditLog audit, CurrentUser me)
{
    public IQueryable<Application> Held()
    {
        var agency = me.AgencyId ?? 0;
        return db.Applications.AsNoTracking().Where(a => a.AgencyId == agency && a.Status == ApplicationStatus.Held);
    }

    public async Task<IReadOnlyList<HeldApplicationRow>> ListAsync(int take, CancellationToken ct)
    {
        var rows = await (from a in Held()
                          join p in db.Persons on a.PersonId equals p.Id
                          join g in db.Programs on a.ProgramId equals g.Id
                          orderby a.SubmittedAt, a.Id
                          select new
                          {
                              a.Id,
                              a.RegistrationNumber,
                              a.ProgramId,
                              ProgramName = g.Name,
                              a.Channel,
                              a.VillageCode,
                              a.GivenName,
                              a.UnverifiedPhone,
                              a.SubmittedAt,
                              PersonId = p.Id,
                              p.FullName,
                              p.Nik,
                              PersonVillage = p.VillageCode,
                              p.Phone,
                              HasCard = p.FamilyCardNumber != null,
                          }).Take(take).ToListAsync(ct);
        return rows.Select(r => new HeldApplicationRow(r.Id, r.RegistrationNumber, r.ProgramId, r.ProgramName, r.Channel, r.VillageCode,
            r.GivenName, r.UnverifiedPhone, r.SubmittedAt, r.PersonId, r.FullName, Nik.Mask(r.Nik), r.PersonVillage, r.Phone, r.HasCard)).ToList();
    }

    /// <summary>The claimant proved to be the person: the application is submitted, its given phone trusted.</summary>
    public async Task<ReleaseOutcome> ReleaseAsync(long id, string note, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
        {
            return ReleaseOutcome.NotFound;
        }
        if (await db.Applications.AnyAsync(a => a.ProgramId == application.ProgramId && a.PersonId == application.PersonId
                && a.Id != id && a.Status != ApplicationStatus.Held && a.Status != ApplicationStatus.Rejected, ct))
        {
            return ReleaseOutcome.AlreadyApplied;
        }
        application.Status = ApplicationStatus.Submitted;
        application.Phone = application.UnverifiedPhone ?? application.Phone;
        application.UnverifiedPhone = null;
        audit.Record("application.held-released", "Application", Key(id), new { application.RegistrationNumber, note });
        await db.SaveChangesAsync(ct);
        return ReleaseOutcome.Done;
    }

    public async Task<bool> RejectAsync(long id, string note, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
        {
            return false;
        }
        application.Status = ApplicationStatus.Rejected;
        audit.Record("application.held-rejected", "Application", Key(id), new { application.RegistrationNumber, note });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<Application?> FindAsync(long id, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        return db.Applications.FirstOrDefaultAsync(a => a.AgencyId == agency && a.Id == id && a.Status == ApplicationStatus.Held, ct);
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
