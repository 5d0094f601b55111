using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Selection;

/// <summary>An application's row of the program's latest published run, for the applicant's status page.</summary>
public sealed class PublishedDecisions(TunasDb db) : IPublishedDecisions
{
    public async Task<PublishedDecision?> FindAsync(int agencyId, int programId, long applicationId, CancellationToken ct = default)
    {
        var run = await db.SelectionRuns.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.ProgramId == programId && r.Status == SelectionRunStatus.Published)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Id, r.PublishedAt, r.RulesJson })
            .FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return null;
        }
        var d = await db.SelectionDecisions.AsNoTracking()
            .Where(x => x.AgencyId == agencyId && x.RunId == run.Id && x.ApplicationId == applicationId)
            .Select(x => new { x.Status, x.Rank, x.WaitlistPosition, x.Score, x.ScoreJson, x.ReasonsJson, x.RulesJson, x.RuleStates, x.TrackId })
            .FirstOrDefaultAsync(ct);
        return d is null ? null : new PublishedDecision(d.Status, d.Rank, d.WaitlistPosition, d.Score, DecisionReader.Score(d.ScoreJson),
            DecisionReader.Reasons(d.ReasonsJson), DecisionReader.Rules(DecisionRules.Expand(run.RulesJson, d.RuleStates, d.RulesJson)), d.TrackId, run.PublishedAt);
    }
}
