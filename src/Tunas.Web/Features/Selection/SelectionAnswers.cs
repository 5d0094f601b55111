using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

/// <summary>An application's appeals for its status page and its staff page, the newest first.</summary>
public sealed class ApplicationAppeals(TunasDb db) : IAppealStatus
{
    public async Task<IReadOnlyList<AppealView>> ForApplicationAsync(int agencyId, long applicationId, CancellationToken ct = default)
    {
        var rows = await db.Appeals.AsNoTracking().Where(x => x.AgencyId == agencyId && x.ApplicationId == applicationId)
            .OrderByDescending(x => x.LodgedAt).ThenByDescending(x => x.Id)
            .Select(x => new { x.Id, x.LodgedAt, x.Text, x.Status, x.Answer, x.AnsweredAt, x.NewStatus })
            .ToListAsync(ct);
        return [.. rows.Select(x => new AppealView(x.Id, DateTime.SpecifyKind(x.LodgedAt, DateTimeKind.Utc), x.Text, State(x.Status), x.Answer,
            x.AnsweredAt is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, x.NewStatus))];
    }

    private static AppealState State(AppealStatus status) => status switch
    {
        AppealStatus.Upheld => AppealState.Upheld,
        AppealStatus.Rejected => AppealState.Rejected,
        _ => AppealState.Open,
    };
}

/// <summary>A program's runs, its published run and the appeals still open, for the program page.</summary>
public sealed class SelectionProgress(TunasDb db, CurrentUser me) : IProgramProgress
{
    public async Task<ProgramProgress> ForAsync(int programId, CancellationToken ct = default)
    {
        var agency = me.AgencyId ?? 0;
        var runs = await db.SelectionRuns.AsNoTracking().Where(r => r.AgencyId == agency && r.ProgramId == programId)
            .Select(r => new { r.Number, r.Status, r.PublishedAt }).ToListAsync(ct);
        if (runs.Count == 0)
        {
            return ProgramProgress.None;
        }
        var published = runs.Where(r => r.Status == SelectionRunStatus.Published).MaxBy(r => r.Number);
        var open = await (from x in db.Appeals
                          join a in db.Applications on x.ApplicationId equals a.Id
                          where x.AgencyId == agency && a.AgencyId == agency && a.ProgramId == programId && x.Status == AppealStatus.Open
                          select x.Id).CountAsync(ct);
        return new ProgramProgress(runs.Count, runs.Max(r => r.Number),
            published?.PublishedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, open);
    }
}
