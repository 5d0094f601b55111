using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Training;

/// <summary>
/// The status page's training dates and place: the cohort's own once the applicant is placed, else the program's
/// dates and the track's providers (the default that Applications registers before this one).
/// </summary>
public sealed class CohortTrainingSchedule(TunasDb db) : ITrainingSchedule
{
    public async Task<TrainingPlan?> ForAsync(long applicationId, int programId, int? trackId, CancellationToken ct = default)
    {
        var cohort = await (
            from x in db.Set<CohortParticipant>().AsNoTracking()
            where x.ApplicationId == applicationId && x.Status == ParticipantStatus.Placed
            join c in db.Set<Cohort>() on x.CohortId equals c.Id
            join p in db.Providers on c.ProviderId equals p.Id
            select new { c.StartsOn, c.EndsOn, c.Place, Provider = p.Name }).FirstOrDefaultAsync(ct);
        return cohort is null
            ? await new ProgramTrainingSchedule(db).ForAsync(applicationId, programId, trackId, ct)
            : new TrainingPlan(cohort.StartsOn, cohort.EndsOn, [new TrainingPlace(cohort.Provider, cohort.Place)]);
    }
}
