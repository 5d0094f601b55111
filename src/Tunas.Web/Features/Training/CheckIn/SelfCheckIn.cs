using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.CheckIn;

public enum CheckInOutcome
{
    Marked,
    AlreadyCheckedIn,
    NotParticipant,
    Invalid,
    Expired,
    NotToday,
    OtherCohort,
}

public sealed record CheckInResult(CheckInOutcome Outcome, string? SessionTitle = null, DateOnly? SessionDate = null)
{
    public bool Present => Outcome is CheckInOutcome.Marked or CheckInOutcome.AlreadyCheckedIn;
}

/// <summary>
/// A participant's own check-in from the rotating QR: marks the signed-in participant present at the session of the
/// token, only while the token is fresh, only on that session's own day, only in their own cohort. The mark's
/// client id is fixed per session and participant, so a second scan adds nothing.
/// </summary>
public sealed class SelfCheckIn(TunasDb db, ParticipantSelf self, CheckInTokens tokens, CurrentUser me, TimeProvider clock)
{
    public static string ClientIdOf(long sessionId, long participantId) =>
        string.Create(CultureInfo.InvariantCulture, $"qr-{sessionId}-{participantId}");

    public async Task<CheckInResult> CheckInAsync(string? token, CancellationToken ct = default)
    {
        if (await self.FindAsync(ct) is not { } participant)
        {
            return new(CheckInOutcome.NotParticipant);
        }
        if (await tokens.ReadAsync(token, ct) is not { } claim)
        {
            return new(CheckInOutcome.Invalid);
        }
        if (!tokens.IsFresh(claim))
        {
            return new(CheckInOutcome.Expired);
        }
        var session = await db.Set<CohortSession>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == claim.SessionId && s.CohortId == claim.CohortId && s.AgencyId == participant.AgencyId, ct);
        if (session is null)
        {
            return new(CheckInOutcome.Invalid);
        }
        if (session.CohortId != participant.CohortId || participant.Status != ParticipantStatus.Placed)
        {
            return new(CheckInOutcome.OtherCohort);
        }
        if (session.Date != clock.TodayInIndonesia())
        {
            return new(CheckInOutcome.NotToday, session.Title, session.Date);
        }
        var clientId = ClientIdOf(session.Id, participant.Id);
        if (await db.Set<AttendanceMark>().AnyAsync(m => m.AgencyId == participant.AgencyId && m.ClientId == clientId, ct))
        {
            return new(CheckInOutcome.AlreadyCheckedIn, session.Title, session.Date);
        }
        db.Add(new AttendanceMark
        {
            AgencyId = participant.AgencyId,
            CohortId = session.CohortId,
            SessionId = session.Id,
            ParticipantId = participant.Id,
            Status = AttendanceStatus.Present,
            ClientId = clientId,
            MarkedAt = clock.GetUtcNow().UtcDateTime,
            MarkedById = me.Id,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same scan arrived twice at once: the other request stored the mark.
            db.ChangeTracker.Clear();
            return new(CheckInOutcome.AlreadyCheckedIn, session.Title, session.Date);
        }
        return new(CheckInOutcome.Marked, session.Title, session.Date);
    }

    /// <summary>The Indonesian-first text (a resource key) of an outcome.</summary>
    public static string Message(CheckInOutcome outcome) => outcome switch
    {
        CheckInOutcome.Marked => MarkedMessage,
        CheckInOutcome.AlreadyCheckedIn => AlreadyCheckedInMessage,
        CheckInOutcome.NotParticipant => NotParticipantMessage,
        CheckInOutcome.Expired => ExpiredMessage,
        CheckInOutcome.NotToday => NotTodayMessage,
        CheckInOutcome.OtherCohort => OtherCohortMessage,
        _ => InvalidMessage,
    };

    public const string MarkedMessage = "You are marked present. Thank you.";
    public const string AlreadyCheckedInMessage = "You had already checked in for this session.";
    public const string NotParticipantMessage = "Only a participant signed in with their own account can check in.";
    public const string ExpiredMessage = "The code has expired. Scan the code on the trainer's screen again.";
    public const string NotTodayMessage = "This code is not for a session held today.";
    public const string OtherCohortMessage = "This code belongs to another cohort.";
    public const string InvalidMessage = "This check-in code is not valid.";
}

public sealed record CheckInPerson(long ParticipantId, string FullName, DateTime? At);

public sealed record TodaySession(int CohortId, string CohortName, string Place, long SessionId, string Title, int Hours);

public sealed record CheckInLive(long SessionId, long Window, int SecondsLeft, IReadOnlyList<CheckInPerson> CheckedIn, IReadOnlyList<CheckInPerson> Waiting);

/// <summary>The trainer's side of the self check-in: today's session and who has checked in so far.</summary>
public sealed class CheckInBoard(TunasDb db, CohortScope scope, CohortReader reader, CheckInTokens tokens)
{
    /// <summary>Today's sessions of a cohort the user may see (null: not theirs), first first.</summary>
    public async Task<IReadOnlyList<SessionRead>?> TodayAsync(int cohortId, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct))
        {
            return null;
        }
        return [.. (await reader.SessionsAsync(cohortId, ct)).Where(s => s.Date == scope.Today)];
    }

    /// <summary>Today's sessions of every cohort the user may see (a trainer: their provider's), for the home page.</summary>
    public async Task<IReadOnlyList<TodaySession>> TodayForMeAsync(CancellationToken ct = default) => await (
        from s in db.Set<CohortSession>().AsNoTracking()
        where s.AgencyId == scope.AgencyId && s.Date == scope.Today
        join c in scope.Cohorts.AsNoTracking() on s.CohortId equals c.Id
        orderby c.Name, s.SortOrder, s.Id
        select new TodaySession(c.Id, c.Name, c.Place, s.Id, s.Title, s.Hours)).ToListAsync(ct);

    /// <summary>Null unless the session is the cohort's, the user's to see, and held today.</summary>
    public async Task<CheckInLive?> LiveAsync(int cohortId, long sessionId, CancellationToken ct = default)
    {
        if (await TodayAsync(cohortId, ct) is not { } today || today.All(s => s.Id != sessionId))
        {
            return null;
        }
        var prefix = string.Create(CultureInfo.InvariantCulture, $"qr-{sessionId}-");
        var scans = await db.Set<AttendanceMark>().AsNoTracking()
            .Where(m => m.AgencyId == scope.AgencyId && m.SessionId == sessionId && m.ClientId.StartsWith(prefix))
            .Select(m => new { m.ParticipantId, m.MarkedAt }).ToListAsync(ct);
        var at = scans.GroupBy(s => s.ParticipantId).ToDictionary(g => g.Key, g => g.Min(s => s.MarkedAt));
        var date = scope.Today;
        var people = (await reader.ParticipantsAsync(cohortId, ct)).Where(p => p.DroppedOutOn is not { } d || d > date).ToList();
        var checkedIn = people.Where(p => at.ContainsKey(p.Id)).OrderBy(p => at[p.Id]).Select(p => new CheckInPerson(p.Id, p.FullName, at[p.Id])).ToList();
        var waiting = people.Where(p => !at.ContainsKey(p.Id)).Select(p => new CheckInPerson(p.Id, p.FullName, null)).ToList();
        return new CheckInLive(sessionId, tokens.CurrentWindow, tokens.SecondsLeft, checkedIn, waiting);
    }
}
