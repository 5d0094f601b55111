using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training;

/// <summary>
/// The cohorts the signed-in user may see: program officers (and the administrator) all of their agency's, provider
/// staff only their own provider's. Any other cohort is simply not found (decision 0022).
/// </summary>
public sealed class CohortScope(TunasDb db, CurrentUser me, TimeProvider clock)
{
    public int AgencyId => me.AgencyId ?? 0;

    public bool IsOfficer => me.IsInRole(Roles.Administrator) || me.IsInRole(Roles.ProgramOfficer);

    public DateOnly Today => clock.TodayInIndonesia();

    public string? UserId => me.Id;

    public IQueryable<Cohort> Cohorts
    {
        get
        {
            var all = db.Set<Cohort>().Where(c => c.AgencyId == AgencyId);
            if (IsOfficer)
            {
                return all;
            }
            var provider = me.IsInRole(Roles.ProviderStaff) ? me.ProviderId : null;
            return provider is { } p ? all.Where(c => c.ProviderId == p) : all.Where(c => false);
        }
    }

    public IQueryable<TrainingProgram> Programs => db.Programs.Where(p => p.AgencyId == AgencyId);

    public Task<Cohort?> FindAsync(int id, CancellationToken ct = default) =>
        Cohorts.Include(c => c.Trainers).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>What the cohort checks need: the program's tracks, the agency's providers, the provider's staff.</summary>
    public async Task<CohortContext> ContextAsync(int programId, CancellationToken ct = default)
    {
        var tracks = await db.Tracks.Where(t => t.ProgramId == programId && t.AgencyId == AgencyId).Select(t => t.Id).ToListAsync(ct);
        var providers = await db.Providers.Where(p => p.AgencyId == AgencyId).Select(p => p.Id).ToListAsync(ct);
        var staff = await StaffAsync(ct);
        var byUser = staff.ToDictionary(s => s.Id, s => s.ProviderId, StringComparer.Ordinal);
        return new CohortContext(tracks.ToHashSet(), providers.ToHashSet(), (provider, user) => byUser.TryGetValue(user, out var p) && p == provider);
    }

    /// <summary>The agency's provider staff, who may train a cohort of their provider.</summary>
    public async Task<IReadOnlyList<TrainerOption>> StaffAsync(CancellationToken ct = default) => await (
        from u in db.Users.AsNoTracking()
        where u.AgencyId == AgencyId && u.ProviderId != null
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.ProviderStaff
        orderby u.FullName, u.Email
        select new TrainerOption(u.Id, u.FullName ?? u.Email ?? u.Id, u.ProviderId!.Value)).ToListAsync(ct);
}

public sealed record TrainerOption(string Id, string Name, int ProviderId);
