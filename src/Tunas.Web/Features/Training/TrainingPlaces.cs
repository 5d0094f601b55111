using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training;

/// <summary>
/// Training's answer to a withdrawal in Selection (issue 13): before the first day the withdrawn participant's place
/// is given up and the applicant promoted from the waitlist takes it, with their placement message; from the first
/// day on the withdrawal is refused and leaving is a drop-out with a reason (<see cref="CohortPlacement.DropOutAsync"/>).
/// </summary>
internal sealed class TrainingPlaces(TunasDb db, Outbox outbox, TrainingTexts texts, AuditLog audit, TimeProvider clock) : ITrainingPlaces
{
    public const string WithdrawnReason = "Mengundurkan diri sebelum pelatihan";

    public Task<bool> StartedAsync(int agencyId, long applicationId, CancellationToken ct = default)
    {
        var today = clock.TodayInIndonesia();
        return (from x in db.Set<CohortParticipant>()
                where x.AgencyId == agencyId && x.ApplicationId == applicationId && x.Status == ParticipantStatus.Placed
                join c in db.Set<Cohort>() on x.CohortId equals c.Id
                where c.StartsOn <= today
                select x.Id).AnyAsync(ct);
    }

    public async Task HandOverAsync(int agencyId, long withdrawnApplicationId, long? promotedApplicationId, string? reason, CancellationToken ct = default)
    {
        var place = await db.Set<CohortParticipant>()
            .FirstOrDefaultAsync(x => x.AgencyId == agencyId && x.ApplicationId == withdrawnApplicationId && x.Status == ParticipantStatus.Placed, ct);
        if (place is null)
        {
            return;
        }
        // Kept as a drop-out dated the day of the withdrawal, so the cohort's lists, seats and completion read it as they read any leaver.
        var text = reason is null ? WithdrawnReason : WithdrawnReason + ": " + reason;
        (place.Status, place.DroppedOutOn, place.DropOutReason) = (ParticipantStatus.DroppedOut, clock.TodayInIndonesia(), text.Length > CohortFields.ReasonMax ? text[..CohortFields.ReasonMax] : text);
        audit.Record("cohort.participant-withdrawn", "CohortParticipant", CohortWriter.Text(place.Id), new { application = withdrawnApplicationId, reason });
        if (promotedApplicationId is { } promoted)
        {
            await RefillAsync(place, promoted, ct);
        }
    }

    private async Task RefillAsync(CohortParticipant freed, long applicationId, CancellationToken ct)
    {
        var agency = freed.AgencyId;
        var cohort = await db.Set<Cohort>().AsNoTracking().SingleAsync(c => c.AgencyId == agency && c.Id == freed.CohortId, ct);
        var applicant = await (
            from a in db.Applications.AsNoTracking()
            where a.AgencyId == agency && a.Id == applicationId
            join p in db.Persons on a.PersonId equals p.Id
            select new
            {
                a.RegistrationNumber,
                a.Phone,
                a.Email,
                p.FullName,
                Track = (from d in db.SelectionDecisions
                         where d.AgencyId == agency && d.ApplicationId == a.Id
                         join r in db.SelectionRuns on d.RunId equals r.Id
                         where r.Status == SelectionRunStatus.Published
                         orderby r.Number descending
                         select d.TrackId).FirstOrDefault() ?? a.FirstTrackId,
                Placed = db.Set<CohortParticipant>().Any(x => x.AgencyId == agency && x.ApplicationId == a.Id),
            }).SingleAsync(ct);
        // The freed row is still placed in the database until the caller saves.
        var taken = await db.Set<CohortParticipant>().CountAsync(x => x.AgencyId == agency && x.CohortId == cohort.Id && x.Status == ParticipantStatus.Placed && x.Id != freed.Id, ct);
        if (applicant.Placed || applicant.Track != cohort.TrackId || taken >= cohort.Capacity)
        {
            return;
        }
        var row = new CohortParticipant
        {
            AgencyId = agency,
            CohortId = cohort.Id,
            ApplicationId = applicationId,
            Status = ParticipantStatus.Placed,
            PlacedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        var facts = await (
            from p in db.Programs.AsNoTracking()
            where p.AgencyId == agency && p.Id == cohort.ProgramId
            select new PlacementFacts(p.Name, cohort.Name, db.Tracks.Where(t => t.Id == cohort.TrackId).Select(t => t.Name).First(),
                db.Providers.Where(v => v.Id == cohort.ProviderId).Select(v => v.Name).First(), cohort.Place, cohort.StartsOn, cohort.EndsOn, cohort.WhatToBring))
            .SingleAsync(ct);
        var (subject, body) = texts.Placement(facts, applicant.RegistrationNumber);
        // The placement run's own key: a later run finds the place taken and the message sent.
        await outbox.AddAsync(new MessageDraft(agency, MessageKind.TrainingPlacement, $"placement:{CohortWriter.Text(applicationId)}",
            applicant.Phone, applicant.Email, applicant.FullName, subject, body, applicationId, cohort.ProgramId), ct);
        audit.Record("cohort.place-refilled", "Cohort", CohortWriter.Text(cohort.Id), new { registrationNumber = applicant.RegistrationNumber, replaces = freed.Id });
    }
}
