using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Applications;

/// <summary>Where a training is given: the provider's name and address.</summary>
public sealed record TrainingPlace(string Name, string? Address);

/// <summary>When and where a selected applicant is trained.</summary>
public sealed record TrainingPlan(DateOnly? Starts, DateOnly? Ends, IReadOnlyList<TrainingPlace> Places)
{
    public bool IsEmpty => Starts is null && Ends is null && Places.Count == 0;
}

/// <summary>
/// The training dates and place of a selected application, for its applicant's status page. The default answer is
/// the program's own dates and the providers of the track; the training feature, later in the feature order,
/// registers one that answers the cohort's own (the last registration wins).
/// </summary>
public interface ITrainingSchedule
{
    Task<TrainingPlan?> ForAsync(long applicationId, int programId, int? trackId, CancellationToken ct = default);
}

/// <summary>The program's training dates and the providers that deliver the application's track.</summary>
public sealed class ProgramTrainingSchedule(TunasDb db) : ITrainingSchedule
{
    public async Task<TrainingPlan?> ForAsync(long applicationId, int programId, int? trackId, CancellationToken ct = default)
    {
        var dates = await db.Programs.AsNoTracking().Where(p => p.Id == programId)
            .Select(p => new { p.TrainingStarts, p.TrainingEnds }).FirstOrDefaultAsync(ct);
        if (dates is null)
        {
            return null;
        }
        var places = trackId is not { } track ? [] : await (
            from tp in db.TrackProviders.AsNoTracking()
            where tp.TrackId == track
            join p in db.Providers on tp.ProviderId equals p.Id
            orderby p.Name
            select new TrainingPlace(p.Name, p.Address)).ToListAsync(ct);
        var plan = new TrainingPlan(dates.TrainingStarts, dates.TrainingEnds, places);
        return plan.IsEmpty ? null : plan;
    }
}
