using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// What happens to a run after it is computed: publication (with a message to every applicant), withdrawals
/// that promote the next on the waitlist, and appeals (sanggahan). Each change is audited and its messages are
/// stored in the same transaction (outbox).
/// </summary>
public sealed class SelectionDesk(TunasDb db, CurrentUser user, AuditLog audit, Outbox outbox, MessageTexts texts, TimeProvider clock, ITrainingPlaces places)
{
    // The columns' lengths (SelectionRun.cs, Application.cs).
    public const int AppealMax = 2000;
    public const int AnswerMax = 2000;
    public const int ReasonMax = 500;

    public Task<DeskResult> PublishAsync(int programId, long runId, CancellationToken ct = default) =>
        PublishAsync(programId, runId, new SelectionActor(user.AgencyId ?? 0, user.Id ?? "system", user.Name ?? "system"), ct);

    public async Task<DeskResult> PublishAsync(int programId, long runId, SelectionActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId && p.AgencyId == actor.AgencyId, ct);
        if (program is null)
        {
            return DeskResult.NotFound;
        }
        var run = await db.SelectionRuns.FirstOrDefaultAsync(r => r.AgencyId == program.AgencyId && r.Id == runId && r.ProgramId == programId, ct);
        if (run is null)
        {
            return DeskResult.NotFound;
        }
        if (run.Status != SelectionRunStatus.Draft)
        {
            return DeskResult.Refused(SelectionDeskMessages.OnlyLatestDraftMessage);
        }
        if (clock.TodayInIndonesia() <= program.RegistrationCloses)
        {
            return DeskResult.Refused(SelectionDeskMessages.RegistrationStillOpenMessage,
                program.RegistrationCloses.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            run.Status = SelectionRunStatus.Published;
            run.PublishedAt = clock.GetUtcNow().UtcDateTime;
            run.PublishedById = actor.Id;
            audit.Record("selection.published", "program", Id(programId), new { run = run.Number, run.Selected, run.Waitlisted }, (actor.Id, actor.Name));
            await db.SaveChangesAsync(ct);

            var recipients = await (
                from d in db.SelectionDecisions.AsNoTracking()
                where d.AgencyId == program.AgencyId && d.RunId == runId
                join a in db.Applications on d.ApplicationId equals a.Id
                join p in db.Persons on a.PersonId equals p.Id
                orderby d.Id
                select new { d.RegistrationNumber, d.Status, d.Rank, d.WaitlistPosition, d.Score, a.Id, a.Phone, a.Email, p.FullName })
                .ToListAsync(ct);
            foreach (var slice in recipients.Chunk(1_000))
            {
                await outbox.AddRangeAsync([.. slice.Select(r =>
                {
                    var text = texts.SelectionResult(program.Name, r.RegistrationNumber, r.Status, r.Rank, r.WaitlistPosition, r.Score, Dates(program));
                    return new MessageDraft(program.AgencyId, MessageKind.SelectionResult,
                        $"selection:{run.Id}:{r.RegistrationNumber}", r.Phone, r.Email, r.FullName, text.Subject, text.Body,
                        r.Id, program.Id);
                })], ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync(ct);
        });
        return DeskResult.Done;
    }

    /// <summary>
    /// Withdraws an application. When it held a seat of the published run, the first on that quota's waitlist
    /// is promoted and told.
    /// </summary>
    public async Task<DeskResult> WithdrawAsync(int programId, long applicationId, string? reason, CancellationToken ct = default)
    {
        var program = await ProgramAsync(programId, ct);
        var application = program is null ? null
            : await db.Applications.FirstOrDefaultAsync(a => a.AgencyId == program.AgencyId && a.Id == applicationId && a.ProgramId == programId, ct);
        if (program is null || application is null)
        {
            return DeskResult.NotFound;
        }
        if (application.Status == ApplicationStatus.Withdrawn)
        {
            return DeskResult.Refused(SelectionDeskMessages.AlreadyWithdrawnMessage);
        }
        var cleanReason = TextInput.CleanLines(reason);
        if (cleanReason is { Length: > ReasonMax })
        {
            return DeskResult.Refused(SelectionDeskMessages.ReasonTooLongMessage, Number(ReasonMax));
        }
        if (await places.StartedAsync(program.AgencyId, application.Id, ct))
        {
            return DeskResult.Refused(SelectionDeskMessages.TrainingStartedMessage);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        string? promoted = null;
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            application.Status = ApplicationStatus.Withdrawn;
            application.WithdrawnAt = now;
            application.WithdrawalReason = cleanReason;
            audit.Record("application.withdrawn", "application", Id(application.Id), new { application.RegistrationNumber, reason = application.WithdrawalReason });

            var decision = await PublishedDecisionAsync(program.AgencyId, programId, application.Id, ct);
            SelectionDecision? next = null;
            if (decision is not null)
            {
                var heldSeat = decision.Status is DecisionStatus.Selected or DecisionStatus.Promoted;
                decision.Status = DecisionStatus.Withdrawn;
                decision.StatusChangedAt = now;
                decision.StatusNote = application.WithdrawalReason;
                if (heldSeat)
                {
                    next = await PromoteNextAsync(program, decision, now, ct);
                }
            }
            promoted = next?.RegistrationNumber;
            await places.HandOverAsync(program.AgencyId, application.Id, next?.ApplicationId, application.WithdrawalReason, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return DeskResult.Promoted(promoted);
    }

    /// <summary>
    /// Gives the freed seat of <paramref name="freed"/> to the first still waiting on the same quota (region and
    /// track), tells them, and returns their decision; null when nobody waits.
    /// </summary>
    private async Task<SelectionDecision?> PromoteNextAsync(TrainingProgram program, SelectionDecision freed, DateTime now, CancellationToken ct)
    {
        var next = await db.SelectionDecisions
            .Where(d => d.AgencyId == freed.AgencyId && d.RunId == freed.RunId && d.QuotaRegion == freed.QuotaRegion && d.TrackId == freed.TrackId
                && d.Status == DecisionStatus.Waitlisted)
            .OrderBy(d => d.WaitlistPosition).ThenBy(d => d.Rank)
            .FirstOrDefaultAsync(ct);
        if (next is null)
        {
            audit.Record("selection.seat-unfilled", "program", Id(program.Id), new { freed.QuotaRegion, freed.TrackId });
            return null;
        }
        next.Status = DecisionStatus.Promoted;
        next.StatusChangedAt = now;
        next.StatusNote = freed.RegistrationNumber;
        audit.Record("selection.promoted", "application", Id(next.ApplicationId),
            new { next.RegistrationNumber, replaces = freed.RegistrationNumber, next.WaitlistPosition });
        var contact = await (from a in db.Applications
                             where a.AgencyId == next.AgencyId && a.Id == next.ApplicationId
                             join p in db.Persons on a.PersonId equals p.Id
                             select new { a.Phone, a.Email, p.FullName }).FirstAsync(ct);
        var text = texts.Promotion(program.Name, next.RegistrationNumber, Dates(program));
        await outbox.AddAsync(new MessageDraft(program.AgencyId, MessageKind.Promotion,
            $"promotion:{next.RunId}:{next.RegistrationNumber}", contact.Phone, contact.Email, contact.FullName,
            text.Subject, text.Body, next.ApplicationId, program.Id), ct);
        return next;
    }

    /// <summary>An applicant objects to their published result, inside the program's appeal window.</summary>
    public async Task<DeskResult> LodgeAppealAsync(string registrationNumber, DateOnly birthDate, string? text, CancellationToken ct = default)
    {
        // The text first: an answer that differs only once the number and birth date match would confirm the guess.
        var body = TextInput.CleanLines(text);
        if (body is { Length: > AppealMax })
        {
            return DeskResult.Refused(SelectionDeskMessages.AppealTooLongMessage, Number(AppealMax));
        }
        if (body is null || body.Length < 10)
        {
            return DeskResult.Refused(SelectionDeskMessages.AppealTextMessage);
        }
        var found = await (from a in db.Applications
                           where a.RegistrationNumber == registrationNumber
                           join p in db.Persons on a.PersonId equals p.Id
                           where p.BirthDate == birthDate
                           join pr in db.Programs on a.ProgramId equals pr.Id
                           select new { Application = a, Program = pr }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return DeskResult.NotFound;
        }
        var decision = await PublishedDecisionAsync(found.Program.AgencyId, found.Program.Id, found.Application.Id, ct);
        if (decision is null)
        {
            return DeskResult.Refused(SelectionDeskMessages.NotPublishedMessage);
        }
        var today = clock.TodayInIndonesia();
        var program = found.Program;
        if (program.AppealOpens is not { } opens || program.AppealCloses is not { } closes || today < opens || today > closes)
        {
            return DeskResult.Refused(SelectionDeskMessages.OutsideAppealWindowMessage,
                program.AppealOpens?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                program.AppealCloses?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
        }
        if (await db.Appeals.AnyAsync(x => x.AgencyId == program.AgencyId && x.ApplicationId == found.Application.Id && x.Status == AppealStatus.Open, ct))
        {
            return DeskResult.Refused(SelectionDeskMessages.AppealAlreadyOpenMessage);
        }
        var appeal = new Appeal
        {
            AgencyId = program.AgencyId,
            ApplicationId = found.Application.Id,
            RunId = decision.RunId,
            Text = body,
            LodgedAt = clock.GetUtcNow().UtcDateTime,
            Status = AppealStatus.Open,
        };
        db.Appeals.Add(appeal);
        audit.Record("appeal.lodged", "application", Id(found.Application.Id), new { found.Application.RegistrationNumber },
            actor: (null, "public"));
        await db.SaveChangesAsync(ct);
        return DeskResult.Created(appeal.Id);
    }

    /// <summary>
    /// An officer answers an appeal. Upheld with a new status changes the applicant's result; a new seat
    /// (selected) is given on top of the quota, which the officer sees in the quota counts.
    /// </summary>
    public async Task<DeskResult> AnswerAppealAsync(int programId, long appealId, bool upheld, string? answer, DecisionStatus? newStatus, CancellationToken ct = default)
    {
        var program = await ProgramAsync(programId, ct);
        var appeal = program is null ? null : await (
            from x in db.Appeals
            where x.AgencyId == program.AgencyId && x.Id == appealId
            join a in db.Applications on x.ApplicationId equals a.Id
            where a.ProgramId == programId
            select x).FirstOrDefaultAsync(ct);
        if (program is null || appeal is null)
        {
            return DeskResult.NotFound;
        }
        if (appeal.Status != AppealStatus.Open)
        {
            return DeskResult.Refused(SelectionDeskMessages.AppealAlreadyAnsweredMessage);
        }
        var text = TextInput.CleanLines(answer);
        if (text is null)
        {
            return DeskResult.Refused(SelectionDeskMessages.AnswerRequiredMessage);
        }
        if (text.Length > AnswerMax)
        {
            return DeskResult.Refused(SelectionDeskMessages.AnswerTooLongMessage, Number(AnswerMax));
        }
        if (newStatus is { } s && (!upheld || s is not (DecisionStatus.Selected or DecisionStatus.Waitlisted or DecisionStatus.NotSelected or DecisionStatus.Ineligible)))
        {
            return DeskResult.Refused(SelectionDeskMessages.NewStatusMessage);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            appeal.Status = upheld ? AppealStatus.Upheld : AppealStatus.Rejected;
            appeal.Answer = text;
            appeal.AnsweredAt = now;
            appeal.AnsweredById = user.Id;
            appeal.NewStatus = newStatus;
            var decision = await db.SelectionDecisions.FirstAsync(d => d.AgencyId == appeal.AgencyId && d.RunId == appeal.RunId && d.ApplicationId == appeal.ApplicationId, ct);
            var before = decision.Status;
            if (newStatus is { } status && status != before)
            {
                decision.Status = status;
                decision.StatusChangedAt = now;
                decision.StatusNote = $"appeal {appeal.Id}";
            }
            audit.Record("appeal.answered", "application", Id(appeal.ApplicationId),
                new { appeal = appeal.Id, upheld, before = before.ToString(), after = decision.Status.ToString() });
            var contact = await (from a in db.Applications
                                 where a.AgencyId == appeal.AgencyId && a.Id == appeal.ApplicationId
                                 join p in db.Persons on a.PersonId equals p.Id
                                 select new { a.RegistrationNumber, a.Phone, a.Email, p.FullName }).FirstAsync(ct);
            var message = texts.AppealAnswer(program.Name, contact.RegistrationNumber, upheld, text);
            await outbox.AddAsync(new MessageDraft(program.AgencyId, MessageKind.AppealAnswer,
                $"appeal:{appeal.Id}", contact.Phone, contact.Email, contact.FullName, message.Subject, message.Body,
                appeal.ApplicationId, program.Id), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return DeskResult.Done;
    }

    private static ProgramDates Dates(TrainingProgram program) => new(program.AppealCloses, program.TrainingStarts, program.TrainingEnds);

    private Task<TrainingProgram?> ProgramAsync(int programId, CancellationToken ct) =>
        db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId && p.AgencyId == user.AgencyId, ct);

    private Task<SelectionDecision?> PublishedDecisionAsync(int agencyId, int programId, long applicationId, CancellationToken ct) =>
        (from d in db.SelectionDecisions
         join r in db.SelectionRuns on d.RunId equals r.Id
         where d.AgencyId == agencyId && r.ProgramId == programId && r.Status == SelectionRunStatus.Published && d.ApplicationId == applicationId
         select d).FirstOrDefaultAsync(ct);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The appeal's reason as stored (cleaned), or null when shorter than 10 characters; the length limit is checked apart.</summary>
    public static string? AppealText(string? text) => TextInput.CleanLines(text) is { Length: >= 10 } body ? body : null;
}

public enum DeskOutcome
{
    Done,
    NotFound,
    Refused,
}

/// <summary>The answer of a <see cref="SelectionDesk"/> action; a refusal carries its message key and arguments.</summary>
public sealed record DeskResult(DeskOutcome Outcome, string? Message = null, string[]? Args = null, long? CreatedId = null, string? PromotedNumber = null)
{
    public static DeskResult Done { get; } = new(DeskOutcome.Done);

    public static DeskResult NotFound { get; } = new(DeskOutcome.NotFound);

    public static DeskResult Refused(string message, params string[] args) => new(DeskOutcome.Refused, message, args);

    public static DeskResult Created(long id) => new(DeskOutcome.Done, CreatedId: id);

    public static DeskResult Promoted(string? number) => new(DeskOutcome.Done, PromotedNumber: number);
}

/// <summary>English texts (and localization keys) of the desk's refusals.</summary>
public static class SelectionDeskMessages
{
    public const string OnlyLatestDraftMessage = "Only the latest draft run can be published.";
    public const string RegistrationStillOpenMessage = "Registration is open until {0}; publish the result after it closes.";
    public const string AlreadyWithdrawnMessage = "This application has already been withdrawn.";
    public const string TrainingStartedMessage = "The training has begun: record the participant's drop-out with its reason on the cohort's page instead.";
    public const string AppealTextMessage = "Write the reason for the appeal (at least 10 characters).";
    public const string NotPublishedMessage = "The selection result of this program has not been published yet.";
    public const string OutsideAppealWindowMessage = "Appeals are accepted from {0} to {1} only.";
    public const string AppealAlreadyOpenMessage = "An appeal of this application is already waiting for an answer.";
    public const string AppealAlreadyAnsweredMessage = "This appeal has already been answered.";
    public const string AnswerRequiredMessage = "Write the answer to the applicant.";
    public const string AppealTooLongMessage = "The appeal may have at most {0} characters.";
    public const string AnswerTooLongMessage = "The answer may have at most {0} characters.";
    public const string ReasonTooLongMessage = "The reason may have at most {0} characters.";
    public const string NewStatusMessage = "A new result can only be set when the appeal is upheld, and must be selected, waitlisted, not selected or ineligible.";
}
