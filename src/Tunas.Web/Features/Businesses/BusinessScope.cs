using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses;

/// <summary>
/// The businesses the signed-in user may see: officers (and the administrator) all of their agency's, a kelurahan
/// operator their own kelurahan's, a facilitator those assigned to them. Any other business is simply not found.
/// </summary>
public sealed class BusinessScope(TunasDb db, CurrentUser me, RegistryRules registry, TimeProvider clock)
{
    public int AgencyId => me.AgencyId ?? 0;

    public bool IsOfficer => me.IsInRole(Roles.Administrator) || me.IsInRole(Roles.ProgramOfficer);

    public DateOnly Today => clock.TodayInIndonesia();

    public IQueryable<Business> Businesses
    {
        get
        {
            var all = db.Set<Business>().Where(b => b.AgencyId == AgencyId);
            if (IsOfficer)
            {
                return all;
            }
            if (me.IsInRole(Roles.VillageOperator) && me.VillageCode is { Length: > 0 } village)
            {
                return all.Where(b => b.VillageCode == village);
            }
            if (me.IsInRole(Roles.Facilitator) && me.Id is { } facilitator)
            {
                return all.Where(b => b.FacilitatorId == facilitator);
            }
            return all.Where(b => false);
        }
    }

    public Task<Business?> FindAsync(long id, CancellationToken ct = default) =>
        Businesses.Include(b => b.Owners).FirstOrDefaultAsync(b => b.Id == id, ct);

    /// <summary>The persons of the agency placed in one of its cohorts (whatever became of the placement).</summary>
    public IQueryable<long> Participants =>
        from p in db.Set<CohortParticipant>()
        where p.AgencyId == AgencyId
        join a in db.Applications on new { p.AgencyId, Id = p.ApplicationId } equals new { a.AgencyId, a.Id }
        select a.PersonId;

    /// <summary>What the business checks need; <paramref name="owners"/> are the persons asked for as owners.</summary>
    public async Task<BusinessContext> ContextAsync(IEnumerable<long>? owners, BusinessCategories categories, CancellationToken ct = default)
    {
        var asked = (owners ?? []).Distinct().ToList();
        var placed = asked.Count == 0 ? [] : (await Participants.Where(id => asked.Contains(id)).Distinct().ToListAsync(ct)).ToHashSet();
        var active = await categories.ActiveAsync(ct);
        var facilitators = (await FacilitatorsAsync(ct)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return new BusinessContext(placed.Contains, active, facilitators.Contains, await registry.ContextAsync(null, ct));
    }

    /// <summary>The agency's facilitators, who may be assigned to a business.</summary>
    public async Task<IReadOnlyList<FacilitatorOption>> FacilitatorsAsync(CancellationToken ct = default) => await (
        from u in db.Users.AsNoTracking()
        where u.AgencyId == AgencyId
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Facilitator
        orderby u.FullName, u.Email
        select new FacilitatorOption(u.Id, u.FullName ?? u.Email ?? u.Id)).ToListAsync(ct);
}

public sealed record FacilitatorOption(string Id, string Name);
