using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Businesses.FollowUps;

public sealed record ProgramFollowUps(int Id, string Name, int Participants, int Comparison, int Answered, int Unassigned);

public sealed record UnassignedRow(long Id, string FullName, string Group, int MonthsAfter, DateOnly DueOn, string ProgramName);

/// <summary>
/// The officer's side of the follow-ups (<c>/Kunjungan/Rencana</c>): plan a program's surveys (again at any time: only
/// what is new is added) and give the open rows that have no facilitator to one, several at once.
/// </summary>
[Authorize(Policy = FollowUpPolicies.Plan)]
public sealed class PlanModel(TunasDb db, FollowUpScope scope, FollowUpWriter writer, BusinessScope businesses, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int UnassignedShown = 200;

    public IReadOnlyList<ProgramFollowUps> Programs { get; private set; } = [];
    public IReadOnlyList<UnassignedRow> Unassigned { get; private set; } = [];
    public IReadOnlyList<FacilitatorOption> Facilitators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agency = scope.AgencyId;
        var counts = await db.Set<FollowUp>().AsNoTracking().Where(f => f.AgencyId == agency)
            .GroupBy(f => f.ProgramId)
            .Select(g => new
            {
                g.Key,
                Participants = g.Count(f => f.Group == FollowUpGroup.Participant),
                Comparison = g.Count(f => f.Group == FollowUpGroup.Comparison),
                Answered = g.Count(f => f.Status != FollowUpStatus.Due),
                Unassigned = g.Count(f => f.Status == FollowUpStatus.Due && f.FacilitatorId == null),
            }).ToDictionaryAsync(c => c.Key, ct);
        Programs = [.. (await db.Programs.AsNoTracking().Where(p => p.AgencyId == agency).OrderByDescending(p => p.Year).ThenBy(p => p.Name)
                .Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => counts.GetValueOrDefault(p.Id) is { } c
                ? new ProgramFollowUps(p.Id, p.Name, c.Participants, c.Comparison, c.Answered, c.Unassigned)
                : new ProgramFollowUps(p.Id, p.Name, 0, 0, 0, 0))];
        Unassigned = await (from f in db.Set<FollowUp>().AsNoTracking()
                            where f.AgencyId == agency && f.Status == FollowUpStatus.Due && f.FacilitatorId == null
                            join p in db.Persons on f.PersonId equals p.Id
                            join program in db.Programs on f.ProgramId equals program.Id
                            orderby f.DueOn, f.Id
                            select new UnassignedRow(f.Id, p.FullName, f.Group == FollowUpGroup.Comparison ? "comparison" : "participant", f.MonthsAfter, f.DueOn, program.Name))
            .Take(UnassignedShown).ToListAsync(ct);
        Facilitators = await businesses.FacilitatorsAsync(ct);
    }

    public async Task<IActionResult> OnPostPlanAsync(int programId, CancellationToken ct)
    {
        var r = await writer.PlanAsync(programId, ct);
        TempData[r is null ? "Error" : "Message"] = r is null ? L["Choose a program of the agency."].Value
            : L["Planned: {0} follow-ups of participants, {1} of the comparison group; {2} given the facilitator of their business.", r.Participants, r.Comparison, r.Assigned].Value;
        return Redirect("/Kunjungan/Rencana");
    }

    public async Task<IActionResult> OnPostAssignAsync(List<long>? ids, string? facilitatorId, CancellationToken ct)
    {
        var (count, error) = await writer.AssignAsync(ids, facilitatorId, ct);
        TempData[error is null ? "Message" : "Error"] = error is null ? L["{0} follow-ups assigned.", count].Value : L[error, FollowUpWriter.MaxAssign].Value;
        return Redirect("/Kunjungan/Rencana");
    }
}
