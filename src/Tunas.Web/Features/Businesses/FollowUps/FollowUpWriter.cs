using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>Plans, assigns and records follow-ups, each change audited (<c>followup.</c>), without the answers' amounts.</summary>
public sealed class FollowUpWriter(TunasDb db, FollowUpScope scope, FollowUpPlanner planner, BusinessScope businesses, BusinessFiles files, AuditLog audit,
    CurrentUser me, TimeProvider clock)
{
    public const string FacilitatorInvalidMessage = "The facilitator must be a Facilitator user of the agency.";
    public const string NothingChosenMessage = "Choose at least one follow-up.";
    public const int MaxAssign = 500;
    public const string TooManyChosenMessage = "At most {0} follow-ups at once.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PlanResult?> PlanAsync(int programId, CancellationToken ct = default)
    {
        if (await planner.PlanAsync(scope.AgencyId, programId, ct) is not { } result)
        {
            return null;
        }
        audit.Record("followup.planned", "Program", BusinessFields.Text(programId),
            new { participants = result.Participants, comparison = result.Comparison, assigned = result.Assigned });
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Gives open rows of the agency to one facilitator; the number changed, or an error sentence.</summary>
    public async Task<(int Assigned, string? Error)> AssignAsync(IReadOnlyCollection<long>? ids, string? facilitatorId, CancellationToken ct = default)
    {
        var chosen = (ids ?? []).Distinct().ToList();
        if (chosen.Count == 0)
        {
            return (0, NothingChosenMessage);
        }
        if (chosen.Count > MaxAssign)
        {
            return (0, TooManyChosenMessage);
        }
        var facilitator = facilitatorId?.Trim();
        if (string.IsNullOrEmpty(facilitator) || (await businesses.FacilitatorsAsync(ct)).All(f => f.Id != facilitator))
        {
            return (0, FacilitatorInvalidMessage);
        }
        var rows = await db.Set<FollowUp>()
            .Where(f => f.AgencyId == scope.AgencyId && chosen.Contains(f.Id) && f.Status == FollowUpStatus.Due && f.FacilitatorId != facilitator)
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            (row.FacilitatorId, row.UpdatedAt) = (facilitator, Now);
        }
        if (rows.Count > 0)
        {
            audit.Record("followup.assigned", "FollowUp", string.Join(",", rows.Select(r => BusinessFields.Text(r.Id)).Take(50)),
                new { facilitatorId = facilitator, followUps = rows.Count });
            await db.SaveChangesAsync(ct);
        }
        return (rows.Count, null);
    }

    /// <summary>Stores the answers (and the photo, shrunk under 200 KB); an error sentence when the photo is refused, and then nothing is stored.</summary>
    public async Task<string?> RecordVisitAsync(FollowUp row, VisitValues values, byte[]? photo, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(values);
        ShrunkPhoto? shrunk = null;
        if (photo is { Length: > 0 } && (shrunk = PhotoShrinker.Shrink(photo)) is null)
        {
            return BusinessWriter.NotAnImageMessage;
        }
        var corrected = row.Status != FollowUpStatus.Due;
        var old = row.PhotoFile;
        if (shrunk is not null)
        {
            row.PhotoFile = await files.SaveAsync(row.AgencyId, shrunk.Jpeg, ".jpg", ct);
        }
        row.Status = values.NotReached ? FollowUpStatus.NotReached : FollowUpStatus.Done;
        row.Channel = values.Channel;
        row.VisitedOn = values.VisitedOn;
        row.VisitedById = me.Id;
        row.BusinessActive = values.BusinessActive;
        row.MonthlyRevenue = values.MonthlyRevenue;
        row.MonthlyProfit = values.MonthlyProfit;
        row.Workers = values.Workers;
        row.HouseholdMonthlyIncome = values.HouseholdMonthlyIncome;
        row.Needs = values.Needs;
        row.Problems = values.Problems;
        row.UpdatedAt = Now;
        audit.Record("followup.visit-recorded", "FollowUp", BusinessFields.Text(row.Id), new
        {
            status = BusinessFields.JsonNamingPolicyText(row.Status.ToString()),
            channel = BusinessFields.JsonNamingPolicyText(values.Channel.ToString()),
            visitedOn = values.VisitedOn,
            photo = shrunk is not null,
            corrected,
        });
        await db.SaveChangesAsync(ct);
        if (shrunk is not null && old is not null)
        {
            files.Delete(row.AgencyId, old);
        }
        return null;
    }
}
