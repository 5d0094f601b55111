using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>Which rows a list asks for: due (every open row, the overdue first), overdue (open and past due), done (answered or not reached).</summary>
public enum FollowUpFilter
{
    Due,
    Overdue,
    Done,
}

public sealed record FollowUpAnswers(
    string Channel, DateOnly VisitedOn, bool? BusinessActive, long? MonthlyRevenue, long? MonthlyProfit, int? Workers, long? HouseholdMonthlyIncome,
    IReadOnlyList<string> Needs, string? Problems, string? PhotoUrl);

public sealed record FollowUpItem(
    long Id, string Group, int MonthsAfter, DateOnly DueOn, bool Overdue, string Status, long PersonId, string FullName, string VillageCode, string VillageName,
    string? Address, string? Phone, int ProgramId, string ProgramName, long? BusinessId, string? BusinessName, string? FacilitatorId, string? FacilitatorName,
    DateOnly TrainingEnded, FollowUpAnswers? Answers);

public sealed record FollowUpPage(IReadOnlyList<FollowUpItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// The follow-ups the signed-in user may see: officers (and the administrator) all of their agency's, a facilitator
/// those assigned to them. Any other row, and any row for any other role, is simply not found.
/// </summary>
public sealed class FollowUpScope(TunasDb db, CurrentUser me, TimeProvider clock, VillageNames villages)
{
    public const int PageSize = 50;

    public int AgencyId => me.AgencyId ?? 0;

    public bool IsOfficer => me.IsInRole(Roles.Administrator) || me.IsInRole(Roles.ProgramOfficer);

    public DateOnly Today => clock.TodayInIndonesia();

    public IQueryable<FollowUp> Rows
    {
        get
        {
            var all = db.Set<FollowUp>().Where(f => f.AgencyId == AgencyId);
            if (IsOfficer)
            {
                return all;
            }
            if (me.IsInRole(Roles.Facilitator) && me.Id is { } facilitator)
            {
                return all.Where(f => f.FacilitatorId == facilitator);
            }
            return all.Where(f => false);
        }
    }

    public static FollowUpFilter? Filter(string? status) => string.IsNullOrWhiteSpace(status) ? FollowUpFilter.Due
        : Enum.TryParse<FollowUpFilter>(status.Trim(), ignoreCase: true, out var f) && Enum.IsDefined(f) && !int.TryParse(status, out _) ? f : null;

    public Task<FollowUp?> FindAsync(long id, CancellationToken ct = default) => Rows.FirstOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>The signed-in user's open rows and how many of them are overdue, for the home page.</summary>
    public async Task<(int Open, int Overdue)> CountAsync(CancellationToken ct = default)
    {
        var today = Today;
        var open = Rows.Where(f => f.Status == FollowUpStatus.Due);
        return (await open.CountAsync(ct), await open.CountAsync(f => f.DueOn < today, ct));
    }

    public async Task<FollowUpPage> ListAsync(FollowUpFilter filter, int page, CancellationToken ct = default)
    {
        var today = Today;
        var rows = filter switch
        {
            FollowUpFilter.Overdue => Rows.Where(f => f.Status == FollowUpStatus.Due && f.DueOn < today),
            FollowUpFilter.Done => Rows.Where(f => f.Status != FollowUpStatus.Due),
            _ => Rows.Where(f => f.Status == FollowUpStatus.Due),
        };
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        // Open rows by due date put the overdue ones first; answered ones show the latest first.
        var ordered = filter == FollowUpFilter.Done
            ? rows.OrderByDescending(f => f.VisitedOn).ThenByDescending(f => f.Id)
            : rows.OrderBy(f => f.DueOn).ThenBy(f => f.Id);
        var ids = await ordered.Skip((page - 1) * PageSize).Take(PageSize).Select(f => f.Id).ToListAsync(ct);
        var items = await ItemsAsync(ids, ct);
        return new FollowUpPage([.. ids.Select(id => items[id])], total, page, PageSize);
    }

    public async Task<FollowUpItem?> ReadAsync(long id, CancellationToken ct = default) =>
        await Rows.AnyAsync(f => f.Id == id, ct) ? (await ItemsAsync([id], ct))[id] : null;

    private async Task<Dictionary<long, FollowUpItem>> ItemsAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var today = Today;
        var rows = await (
            from f in db.Set<FollowUp>().AsNoTracking()
            where f.AgencyId == AgencyId && ids.Contains(f.Id)
            join p in db.Persons on f.PersonId equals p.Id
            join a in db.Applications on f.ApplicationId equals a.Id
            join program in db.Programs on f.ProgramId equals program.Id
            from b in db.Set<Business>().Where(b => b.Id == f.BusinessId).DefaultIfEmpty()
            from u in db.Users.Where(u => u.Id == f.FacilitatorId).DefaultIfEmpty()
            select new { f, p.FullName, p.VillageCode, p.Address, Phone = a.Phone ?? p.Phone, ProgramName = program.Name, BusinessName = b == null ? null : b.Name, Facilitator = u == null ? null : u.FullName ?? u.Email })
            .ToListAsync(ct);
        var names = await villages.AllAsync(ct);
        return rows.ToDictionary(r => r.f.Id, r => new FollowUpItem(
            r.f.Id, BusinessFields.JsonNamingPolicyText(r.f.Group.ToString()), r.f.MonthsAfter, r.f.DueOn, r.f.Status == FollowUpStatus.Due && r.f.DueOn < today,
            BusinessFields.JsonNamingPolicyText(r.f.Status.ToString()), r.f.PersonId, r.FullName, r.VillageCode, names.GetValueOrDefault(r.VillageCode)?.Name ?? r.VillageCode,
            r.Address, r.Phone, r.f.ProgramId, r.ProgramName, r.f.BusinessId, r.BusinessName, r.f.FacilitatorId, r.Facilitator,
            r.f.DueOn.AddMonths(-r.f.MonthsAfter), Answers(r.f)));
    }

    private static FollowUpAnswers? Answers(FollowUp f) => f.Status == FollowUpStatus.Due || f.VisitedOn is not { } visited ? null
        : new FollowUpAnswers(BusinessFields.JsonNamingPolicyText((f.Channel ?? FollowUpChannel.Visit).ToString()), visited, f.BusinessActive, f.MonthlyRevenue,
            f.MonthlyProfit, f.Workers, f.HouseholdMonthlyIncome, VisitRules.Codes(f.Needs), f.Problems,
            f.PhotoFile is null ? null : $"/api/v1/followups/{BusinessFields.Text(f.Id)}/photo");
}
