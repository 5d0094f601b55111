using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training;

/// <summary>An applicant left without a place: the reason is a localization key whose {0} is the track.</summary>
public sealed record Unplaced(string RegistrationNumber, string Reason, string Track);

public sealed record PlacementResult(int Placed, IReadOnlyList<Unplaced> Unplaced, string? Error = null);

/// <summary>
/// Places the published selection's selected applicants into the program's cohorts, moves a participant and records
/// a drop-out. Each placement and move queues a message through the outbox in the same save (decision 0022).
/// </summary>
public sealed class CohortPlacement(TunasDb db, CohortScope scope, Outbox outbox, TrainingTexts texts, AuditLog audit, TimeProvider clock,
    Participants.ParticipantAccounts accounts, ILogger<CohortPlacement> logger)
{
    public const string NoPublishedRunMessage = "The program has no published selection result yet.";
    public const string NoCohortMessage = "No cohort of the track {0} yet.";
    public const string CohortsFullMessage = "The cohorts of the track {0} are full.";
    public const string TargetUnknownMessage = "Choose another cohort of the same program.";
    public const string TargetFullMessage = "The cohort {0} is full.";
    public const string NotPlacedMessage = "This participant has dropped out already.";
    public const string BeforeStartMessage = "Before the first day a place is given up by withdrawing the application (Selection), so the waitlist can fill it.";
    public const string ReasonRequiredMessage = "Fill in why the participant dropped out.";

    private sealed record Candidate(long ApplicationId, string RegistrationNumber, int TrackId, int? Rank, string? Phone, string? Email, string FullName);

    private sealed class Seats(Cohort cohort, int taken)
    {
        public Cohort Cohort { get; } = cohort;
        public int Free { get; set; } = cohort.Capacity - taken;
    }

    public async Task<PlacementResult> PlaceAsync(int programId, CancellationToken ct = default)
    {
        var program = await scope.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        var runId = await db.SelectionRuns.AsNoTracking()
            .Where(r => r.ProgramId == programId && r.AgencyId == scope.AgencyId && r.Status == SelectionRunStatus.Published)
            .OrderByDescending(r => r.Number).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (program is null || runId is null)
        {
            return new PlacementResult(0, [], NoPublishedRunMessage);
        }
        var placed = db.Set<CohortParticipant>().Where(x => x.AgencyId == scope.AgencyId).Select(x => x.ApplicationId);
        var candidates = await (
            from d in db.SelectionDecisions.AsNoTracking()
            where d.AgencyId == scope.AgencyId && d.RunId == runId && (d.Status == DecisionStatus.Selected || d.Status == DecisionStatus.Promoted)
            join a in db.Applications on d.ApplicationId equals a.Id
            where a.Status == ApplicationStatus.Submitted && !placed.Contains(a.Id)
            join p in db.Persons on a.PersonId equals p.Id
            select new Candidate(a.Id, a.RegistrationNumber, d.TrackId ?? a.FirstTrackId, d.Rank, a.Phone, a.Email, p.FullName)).ToListAsync(ct);
        var cohorts = await db.Set<Cohort>().Where(c => c.AgencyId == scope.AgencyId && c.ProgramId == programId).ToListAsync(ct);
        var taken = await db.Set<CohortParticipant>().Where(x => x.AgencyId == scope.AgencyId && x.Status == ParticipantStatus.Placed)
            .GroupBy(x => x.CohortId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var seats = cohorts.Select(c => new Seats(c, taken.GetValueOrDefault(c.Id))).ToList();
        var facts = await FactsAsync(programId, ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.AgencyId == scope.AgencyId && t.ProgramId == programId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var unplaced = new List<Unplaced>();
        var drafts = new List<MessageDraft>();
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        var rows = new List<CohortParticipant>();
        foreach (var c in candidates.OrderBy(c => c.TrackId).ThenBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal))
        {
            var ofTrack = seats.Where(s => s.Cohort.TrackId == c.TrackId).ToList();
            // The cohort with the most free seats, so that a track's participants spread over its providers.
            var target = ofTrack.Where(s => s.Free > 0).OrderByDescending(s => s.Free).ThenBy(s => s.Cohort.StartsOn).ThenBy(s => s.Cohort.Id).FirstOrDefault();
            if (target is null)
            {
                unplaced.Add(new Unplaced(c.RegistrationNumber, ofTrack.Count == 0 ? NoCohortMessage : CohortsFullMessage, tracks.GetValueOrDefault(c.TrackId, "#" + CohortWriter.Text(c.TrackId))));
                continue;
            }
            target.Free--;
            count++;
            var row = new CohortParticipant { AgencyId = scope.AgencyId, CohortId = target.Cohort.Id, ApplicationId = c.ApplicationId, Status = ParticipantStatus.Placed, PlacedAt = now };
            db.Add(row);
            rows.Add(row);
            var (subject, body) = texts.Placement(facts[target.Cohort.Id], c.RegistrationNumber);
            drafts.Add(new MessageDraft(scope.AgencyId, MessageKind.TrainingPlacement, $"placement:{c.ApplicationId}", c.Phone, c.Email, c.FullName,
                subject, body, c.ApplicationId, programId));
        }
        await outbox.AddRangeAsync(drafts, ct);
        audit.Record("cohort.placed", "Program", CohortWriter.Text(programId), new { placed = count, unplaced = unplaced.Count });
        await db.SaveChangesAsync(ct);
        await AccountsAsync(() => accounts.EnsureAllAsync(rows, ct));
        return new PlacementResult(count, unplaced);
    }

    public async Task<IReadOnlyList<FieldIssue>> MoveAsync(Cohort cohort, long participantId, int? targetId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var participant = await db.Set<CohortParticipant>().FirstOrDefaultAsync(p => p.Id == participantId && p.CohortId == cohort.Id && p.AgencyId == scope.AgencyId, ct);
        if (participant is null || participant.Status != ParticipantStatus.Placed)
        {
            return [CohortFields.Issue("participantId", "not-placed", NotPlacedMessage)];
        }
        var target = targetId is { } t && t != cohort.Id
            ? await scope.Cohorts.FirstOrDefaultAsync(c => c.Id == t && c.ProgramId == cohort.ProgramId, ct)
            : null;
        if (target is null)
        {
            return [CohortFields.Issue("cohortId", "unknown", TargetUnknownMessage)];
        }
        var taken = await db.Set<CohortParticipant>().CountAsync(p => p.AgencyId == scope.AgencyId && p.CohortId == target.Id && p.Status == ParticipantStatus.Placed, ct);
        if (taken >= target.Capacity)
        {
            return [CohortFields.Issue("cohortId", "full", TargetFullMessage, target.Name)];
        }
        participant.CohortId = target.Id;
        var application = await db.Applications.AsNoTracking().Where(a => a.AgencyId == scope.AgencyId && a.Id == participant.ApplicationId)
            .Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => new { a.RegistrationNumber, a.Phone, a.Email, p.FullName }).FirstAsync(ct);
        var facts = (await FactsAsync(cohort.ProgramId, ct))[target.Id];
        var (subject, body) = texts.Placement(facts, application.RegistrationNumber, moved: true);
        var now = clock.GetUtcNow().UtcDateTime;
        await outbox.AddAsync(new MessageDraft(scope.AgencyId, MessageKind.TrainingPlacement,
            $"placement-move:{participant.Id}:{target.Id}:{now.Ticks}", application.Phone, application.Email, application.FullName,
            subject, body, participant.ApplicationId, cohort.ProgramId), ct);
        audit.Record("cohort.participant-moved", "CohortParticipant", CohortWriter.Text(participant.Id),
            new { registrationNumber = application.RegistrationNumber, from = cohort.Name, to = target.Name });
        await db.SaveChangesAsync(ct);
        await AccountsAsync(() => accounts.EnsureAsync(participant, ct));
        return [];
    }

    public async Task<IReadOnlyList<FieldIssue>> DropOutAsync(Cohort cohort, long participantId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var participant = await db.Set<CohortParticipant>().FirstOrDefaultAsync(p => p.Id == participantId && p.CohortId == cohort.Id && p.AgencyId == scope.AgencyId, ct);
        if (participant is null || participant.Status != ParticipantStatus.Placed)
        {
            return [CohortFields.Issue("participantId", "not-placed", NotPlacedMessage)];
        }
        var errors = new List<FieldIssue>();
        if (scope.Today < cohort.StartsOn)
        {
            errors.Add(CohortFields.Issue("participantId", "before-start", BeforeStartMessage));
        }
        var text = Shared.TextInput.Clean(reason);
        if (text is null)
        {
            errors.Add(CohortFields.Issue("reason", "required", ReasonRequiredMessage));
        }
        else if (text.Length > CohortFields.ReasonMax)
        {
            errors.Add(CohortFields.Issue("reason", "too-long", CohortFields.TooLongMessage, CohortWriter.Text(CohortFields.ReasonMax)));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        (participant.Status, participant.DroppedOutOn, participant.DropOutReason) = (ParticipantStatus.DroppedOut, scope.Today, text);
        audit.Record("cohort.participant-dropped-out", "CohortParticipant", CohortWriter.Text(participant.Id), new { cohort = cohort.Name, reason = text });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// The participants' own accounts, after the placement is saved: a placement never fails half-way for an account,
    /// and one missing here is made when the trainer first gives a sign-in code.
    /// </summary>
    private async Task AccountsAsync(Func<Task> ensure)
    {
        try
        {
            await ensure();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning(e, "Participant accounts were not created at placement; they are made when a sign-in code is given.");
        }
    }

    private async Task<Dictionary<int, PlacementFacts>> FactsAsync(int programId, CancellationToken ct) => await (
        from c in db.Set<Cohort>().AsNoTracking()
        where c.ProgramId == programId && c.AgencyId == scope.AgencyId
        join p in db.Programs on c.ProgramId equals p.Id
        join t in db.Tracks on c.TrackId equals t.Id
        join v in db.Providers on c.ProviderId equals v.Id
        select new { c.Id, Facts = new PlacementFacts(p.Name, c.Name, t.Name, v.Name, c.Place, c.StartsOn, c.EndsOn, c.WhatToBring) })
        .ToDictionaryAsync(x => x.Id, x => x.Facts, ct);
}
