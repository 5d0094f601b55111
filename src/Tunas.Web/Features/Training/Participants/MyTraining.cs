using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Training.Participants;

public sealed record MyCohort(
    int Id, string Name, string ProgramName, string TrackName, string ProviderName, string Place, DateOnly StartsOn, DateOnly EndsOn, string WhatToBring);

/// <summary>A session with the participant's own attendance (present, late, excused, absent), or null while unmarked.</summary>
public sealed record MySession(long Id, DateOnly Date, string Title, int Hours, string? Attendance);

/// <summary>Whether the participant may rate now, from which day, and the rating once given.</summary>
public sealed record MyRatingState(bool Open, DateOnly OpensOn, RatingRead? Given);

/// <summary>The participant's certificate: its number, the code of its public check, and whether it was revoked.</summary>
public sealed record MyCertificate(string Number, string VerificationCode, string Status, DateOnly? RevokedOn);

/// <summary>Whether the participant completed the training under the program's rule, and why not, in the reader's language.</summary>
public sealed record MyCompletion(bool Completed, IReadOnlyList<string> Reasons);

/// <summary>The starter kit handed over to the participant: when, and its value in rupiah.</summary>
public sealed record MyKit(DateOnly HandedOverOn, long Value);

/// <summary>
/// <c>GET /api/v1/me</c>: the participant's own training. Later parts (completion, certificate, kit) are added as
/// further properties, so a client reading today's fields keeps working.
/// </summary>
public sealed record MeRead
{
    public required string RegistrationNumber { get; init; }
    public required string FullName { get; init; }
    public required string Status { get; init; }
    public required MyCohort Cohort { get; init; }
    public required IReadOnlyList<string> Trainers { get; init; }
    public required IReadOnlyList<MySession> Sessions { get; init; }
    public required MyRatingState Rating { get; init; }
    public MyCompletion? Completion { get; init; }
    public MyCertificate? Certificate { get; init; }
    public MyKit? Kit { get; init; }
}

/// <summary>Reads the signed-in participant's own training through <see cref="ParticipantSelf"/> only.</summary>
public sealed class MyTraining(TunasDb db, ParticipantSelf self, RatingBook ratings, Assessments.AssessmentBook assessments, IStringLocalizer<SharedResource> L)
{
    public async Task<MeRead?> ReadAsync(CancellationToken ct = default)
    {
        if (await self.FindAsync(ct) is not { } me)
        {
            return null;
        }
        var agency = me.AgencyId;
        var head = await (
            from c in db.Set<Cohort>().AsNoTracking()
            where c.AgencyId == agency && c.Id == me.CohortId
            join p in db.Programs on c.ProgramId equals p.Id
            join t in db.Tracks on c.TrackId equals t.Id
            join v in db.Providers on c.ProviderId equals v.Id
            select new MyCohort(c.Id, c.Name, p.Name, t.Name, v.Name, c.Place, c.StartsOn, c.EndsOn, c.WhatToBring ?? TrainingTexts.DefaultBring))
            .SingleAsync(ct);
        var person = await (
            from a in db.Applications.AsNoTracking()
            where a.AgencyId == agency && a.Id == me.ApplicationId
            join p in db.Persons on a.PersonId equals p.Id
            select new { a.RegistrationNumber, p.FullName }).SingleAsync(ct);
        var trainers = await (
            from x in db.Set<CohortTrainer>().AsNoTracking()
            where x.AgencyId == agency && x.CohortId == me.CohortId
            join u in db.Users on x.UserId equals u.Id
            orderby u.FullName
            select u.FullName ?? u.UserName ?? "").ToListAsync(ct);
        var sessions = await db.Set<CohortSession>().AsNoTracking().Where(s => s.AgencyId == agency && s.CohortId == me.CohortId)
            .OrderBy(s => s.Date).ThenBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var marks = await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.AgencyId == agency && m.ParticipantId == me.Id)
            .OrderBy(m => m.Id).Select(m => new { m.SessionId, m.Status }).ToListAsync(ct);
        var latest = new Dictionary<long, AttendanceStatus>();
        foreach (var m in marks)
        {
            latest[m.SessionId] = m.Status;
        }
        var rating = await ratings.FindAsync(me, ct);
        var completion = await assessments.CompletionOfAsync(me, ct);
        var certificate = await db.Set<Certificates.Certificate>().AsNoTracking()
            .Where(c => c.AgencyId == agency && c.ParticipantId == me.Id)
            .OrderByDescending(c => c.Id)
            .Select(c => new MyCertificate(c.Number, c.VerificationCode, c.RevokedAt == null ? "valid" : "revoked", c.RevokedOn))
            .FirstOrDefaultAsync(ct);
        var kit = await db.Set<Kits.KitHandover>().AsNoTracking()
            .Where(k => k.AgencyId == agency && k.ParticipantId == me.Id && k.VoidedAt == null)
            .Select(k => new MyKit(k.HandedOverOn, k.Value)).FirstOrDefaultAsync(ct);
        return new MeRead
        {
            RegistrationNumber = person.RegistrationNumber,
            FullName = person.FullName,
            Status = me.Status == ParticipantStatus.Placed ? "placed" : "droppedOut",
            Cohort = head,
            Trainers = trainers,
            Sessions = [.. sessions.Select(s => new MySession(s.Id, s.Date, s.Title, s.Hours,
                latest.TryGetValue(s.Id, out var status) ? JsonNamingPolicy.CamelCase.ConvertName(status.ToString()) : null))],
            Rating = new MyRatingState(rating is null && me.Status == ParticipantStatus.Placed && ratings.Today >= head.EndsOn, head.EndsOn,
                rating is null ? null : new RatingRead(rating.TrainingScore, rating.TrainerScore, rating.Comment, rating.RatedAt)),
            Completion = new MyCompletion(completion.Completed, Assessments.AssessmentsApi.Reasons(completion, L)),
            Certificate = certificate,
            Kit = kit,
        };
    }
}
