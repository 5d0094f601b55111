using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Participants;

public sealed record RatingInput(int? Training, int? Trainer, string? Comment);

public sealed record RatingRead(int Training, int Trainer, string? Comment, DateTime RatedAt);

/// <summary>A cohort's ratings for officers: how many, the averages and the comments, never who gave them.</summary>
public sealed record RatingSummary(int Count, double? Training, double? Trainer, IReadOnlyList<string> Comments);

public enum RatingRefusal
{
    None,
    Invalid,
    TooEarly,
    AlreadyRated,
    NotTakingPart,
}

public sealed record RatingOutcome(RatingRefusal Refusal, IReadOnlyList<FieldIssue> Errors, RatingRead? Saved = null);

/// <summary>
/// Ratings of the training and the trainer (issue 13): once per participant, from the cohort's last day, by a
/// participant who was still taking part; the comment is optional and short.
/// </summary>
public sealed class RatingBook(TunasDb db, TimeProvider clock)
{
    public const int CommentMax = 1000;
    public const string ScoreMessage = "Choose a score from 1 to 5.";
    public const string TooEarlyMessage = "The rating opens on the training's last day, {0}.";
    public const string AlreadyRatedMessage = "You have rated this training already. Thank you!";
    public const string NotTakingPartMessage = "Only participants who took part to the end rate the training.";

    public DateOnly Today => clock.TodayInIndonesia();

    public Task<TrainingRating?> FindAsync(CohortParticipant participant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return db.Set<TrainingRating>().AsNoTracking().FirstOrDefaultAsync(r => r.AgencyId == participant.AgencyId && r.ParticipantId == participant.Id, ct);
    }

    public async Task<RatingOutcome> RateAsync(CohortParticipant participant, Cohort cohort, RatingInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(input);
        if (participant.Status != ParticipantStatus.Placed)
        {
            return Refused(RatingRefusal.NotTakingPart, "participant", NotTakingPartMessage);
        }
        if (Today < cohort.EndsOn)
        {
            return Refused(RatingRefusal.TooEarly, "rating", TooEarlyMessage, TrainingTexts.Written(cohort.EndsOn));
        }
        if (await FindAsync(participant, ct) is not null)
        {
            return Refused(RatingRefusal.AlreadyRated, "rating", AlreadyRatedMessage);
        }
        var errors = new List<FieldIssue>();
        foreach (var (field, score) in new[] { ("training", input.Training), ("trainer", input.Trainer) })
        {
            if (score is not (>= 1 and <= 5))
            {
                errors.Add(CohortFields.Issue(field, "range", ScoreMessage));
            }
        }
        var comment = Shared.TextInput.CleanLines(input.Comment);
        if (comment is { Length: > CommentMax })
        {
            errors.Add(CohortFields.Issue("comment", "too-long", CohortFields.TooLongMessage, CommentMax.ToString(CultureInfo.InvariantCulture)));
        }
        if (errors.Count > 0)
        {
            return new RatingOutcome(RatingRefusal.Invalid, errors);
        }
        var rating = new TrainingRating
        {
            AgencyId = participant.AgencyId,
            CohortId = participant.CohortId,
            ParticipantId = participant.Id,
            TrainingScore = input.Training!.Value,
            TrainerScore = input.Trainer!.Value,
            Comment = comment,
            RatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same participant rating twice at once: the unique key keeps the first.
            db.Entry(rating).State = EntityState.Detached;
            return Refused(RatingRefusal.AlreadyRated, "rating", AlreadyRatedMessage);
        }
        return new RatingOutcome(RatingRefusal.None, [], new RatingRead(rating.TrainingScore, rating.TrainerScore, rating.Comment, rating.RatedAt));
    }

    public async Task<RatingSummary> SummaryAsync(int agencyId, int cohortId, CancellationToken ct = default)
    {
        var rows = await db.Set<TrainingRating>().AsNoTracking().Where(r => r.AgencyId == agencyId && r.CohortId == cohortId)
            .OrderBy(r => r.RatedAt).Select(r => new { r.TrainingScore, r.TrainerScore, r.Comment }).ToListAsync(ct);
        return rows.Count == 0
            ? new RatingSummary(0, null, null, [])
            : new RatingSummary(rows.Count, rows.Average(r => r.TrainingScore), rows.Average(r => r.TrainerScore),
                [.. rows.Where(r => r.Comment is not null).Select(r => r.Comment!)]);
    }

    private static RatingOutcome Refused(RatingRefusal refusal, string field, string message, params string[] args) =>
        new(refusal, [CohortFields.Issue(field, refusal.ToString(), message, args)]);
}
