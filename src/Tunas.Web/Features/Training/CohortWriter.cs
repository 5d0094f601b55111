using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training;

public sealed record SessionInput(string? Date, string? Title, int? Hours);

/// <summary>Creates and changes cohorts and their sessions, each change audited, one save per call.</summary>
public sealed class CohortWriter(TunasDb db, CohortScope scope, AuditLog audit, TimeProvider clock, CohortCorrections corrections)
{
    public const string NameTakenMessage = "The program already has a cohort named {0}.";
    public const string CapacityBelowParticipantsMessage = "The cohort already has {0} participants: the capacity cannot be lower.";
    public const string ProgramChangeMessage = "A cohort with participants keeps its track.";
    public const string SessionsMarkedMessage = "Attendance is already marked: change the sessions one by one instead.";
    public const string SessionDateOutsideMessage = "The session's day must be between the cohort's first and last day.";
    public const string SessionTitleRequiredMessage = "Fill in the session's title.";
    public const string SessionHoursInvalidMessage = "The hours are a whole number from 0 to 24.";

    public async Task<(int? Id, IReadOnlyList<FieldIssue> Errors)> CreateAsync(int programId, CohortValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (await NameTakenAsync(programId, values.Name, null, ct) is { } taken)
        {
            return (null, [taken]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var cohort = new Cohort
        {
            AgencyId = scope.AgencyId,
            ProgramId = programId,
            Name = values.Name,
            Place = values.Place,
            CreatedAt = now,
        };
        Apply(cohort, values, now);
        await db.InOneTransactionAsync(async () =>
        {
            db.Add(cohort);
            await db.SaveChangesAsync(ct);
            await AddPlannedSessionsAsync(cohort, ct);
            audit.Record("cohort.created", "Cohort", Text(cohort.Id), Details(values));
            await db.SaveChangesAsync(ct);
        }, ct);
        return (cohort.Id, []);
    }

    public async Task<IReadOnlyList<FieldIssue>> UpdateAsync(Cohort cohort, CohortValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(values);
        if (await NameTakenAsync(cohort.ProgramId, values.Name, cohort.Id, ct) is { } taken)
        {
            return [taken];
        }
        var placed = await db.Set<CohortParticipant>().CountAsync(p => p.AgencyId == cohort.AgencyId && p.CohortId == cohort.Id && p.Status == ParticipantStatus.Placed, ct);
        if (values.Capacity < placed)
        {
            return [CohortFields.Issue("capacity", "below-participants", CapacityBelowParticipantsMessage, Text(placed))];
        }
        if (values.TrackId != cohort.TrackId && await db.Set<CohortParticipant>().AnyAsync(p => p.AgencyId == cohort.AgencyId && p.CohortId == cohort.Id, ct))
        {
            return [CohortFields.Issue("trackId", "has-participants", ProgramChangeMessage)];
        }
        var datesChanged = values.StartsOn != cohort.StartsOn || values.EndsOn != cohort.EndsOn || values.TrackId != cohort.TrackId;
        var (told, version) = (CohortNotice.Of(cohort), cohort.UpdatedAt);
        Apply(cohort, values, clock.GetUtcNow().UtcDateTime);
        await corrections.QueueAsync(cohort, told, version, ct);
        if (datesChanged && !await MarkedAsync(cohort.Id, ct))
        {
            await db.Set<CohortSession>().Where(s => s.AgencyId == cohort.AgencyId && s.CohortId == cohort.Id).ExecuteDeleteAsync(ct);
            await AddPlannedSessionsAsync(cohort, ct);
        }
        audit.Record("cohort.changed", "Cohort", Text(cohort.Id), Details(values));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Builds the sessions again from the track's modules; refused once attendance is marked.</summary>
    public async Task<IReadOnlyList<FieldIssue>> RegenerateSessionsAsync(Cohort cohort, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (await MarkedAsync(cohort.Id, ct))
        {
            return [CohortFields.Issue("sessions", "marked", SessionsMarkedMessage)];
        }
        await db.Set<CohortSession>().Where(s => s.AgencyId == cohort.AgencyId && s.CohortId == cohort.Id).ExecuteDeleteAsync(ct);
        var count = await AddPlannedSessionsAsync(cohort, ct);
        audit.Record("cohort.sessions-generated", "Cohort", Text(cohort.Id), new { sessions = count });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<FieldIssue>> UpdateSessionAsync(Cohort cohort, CohortSession session, SessionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldIssue>();
        var title = Shared.TextInput.Clean(input.Title);
        if (title is null)
        {
            errors.Add(CohortFields.Issue("title", "required", SessionTitleRequiredMessage));
        }
        else if (title.Length > CohortFields.TitleMax)
        {
            errors.Add(CohortFields.Issue("title", "too-long", CohortFields.TooLongMessage, Text(CohortFields.TitleMax)));
        }
        if (!Shared.DateText.TryParse(input.Date, out var date))
        {
            errors.Add(CohortFields.Issue("date", "invalid", CohortFields.DateInvalidMessage, input.Date?.Trim() ?? ""));
        }
        else if (date < cohort.StartsOn || date > cohort.EndsOn)
        {
            errors.Add(CohortFields.Issue("date", "outside", SessionDateOutsideMessage));
        }
        if (input.Hours is not (>= 0 and <= 24))
        {
            errors.Add(CohortFields.Issue("hours", "invalid", SessionHoursInvalidMessage));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var before = new { date = Shared.DateText.Iso(session.Date), session.Title, session.Hours };
        (session.Date, session.Title, session.Hours) = (date, title!, input.Hours!.Value);
        audit.Record("cohort.session-changed", "CohortSession", Text(session.Id),
            new { before, after = new { date = Shared.DateText.Iso(date), title, hours = input.Hours } });
        await db.SaveChangesAsync(ct);
        return [];
    }

    private Task<bool> MarkedAsync(int cohortId, CancellationToken ct) =>
        db.Set<AttendanceMark>().AnyAsync(m => m.CohortId == cohortId && m.AgencyId == scope.AgencyId, ct);

    private async Task<int> AddPlannedSessionsAsync(Cohort cohort, CancellationToken ct)
    {
        var modules = await db.TrackModules.AsNoTracking().Where(m => m.AgencyId == cohort.AgencyId && m.TrackId == cohort.TrackId).OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new PlannedModule(m.Name, m.Hours)).ToListAsync(ct);
        var planned = SessionPlan.For(cohort.StartsOn, cohort.EndsOn, modules);
        db.AddRange(planned.Select((s, i) => new CohortSession
        {
            AgencyId = cohort.AgencyId,
            CohortId = cohort.Id,
            Date = s.Date,
            Title = s.Title.Length > CohortFields.TitleMax ? s.Title[..CohortFields.TitleMax] : s.Title,
            Hours = s.Hours,
            SortOrder = i,
        }));
        return planned.Count;
    }

    private void Apply(Cohort cohort, CohortValues values, DateTime now)
    {
        (cohort.Name, cohort.TrackId, cohort.ProviderId, cohort.Place) = (values.Name, values.TrackId, values.ProviderId, values.Place);
        (cohort.StartsOn, cohort.EndsOn, cohort.Capacity, cohort.WhatToBring, cohort.UpdatedAt) = (values.StartsOn, values.EndsOn, values.Capacity, values.WhatToBring, now);
        cohort.Trainers.RemoveAll(t => !values.TrainerIds.Contains(t.UserId));
        foreach (var id in values.TrainerIds.Where(id => cohort.Trainers.All(t => t.UserId != id)))
        {
            cohort.Trainers.Add(new CohortTrainer { AgencyId = scope.AgencyId, UserId = id });
        }
    }

    private async Task<FieldIssue?> NameTakenAsync(int programId, string name, int? except, CancellationToken ct) =>
        await db.Set<Cohort>().AnyAsync(c => c.AgencyId == scope.AgencyId && c.ProgramId == programId && c.Name == name && c.Id != except, ct)
            ? CohortFields.Issue("name", "taken", NameTakenMessage, name)
            : null;

    private static object Details(CohortValues v) => new
    {
        name = v.Name,
        trackId = v.TrackId,
        providerId = v.ProviderId,
        place = v.Place,
        startsOn = Shared.DateText.Iso(v.StartsOn),
        endsOn = Shared.DateText.Iso(v.EndsOn),
        capacity = v.Capacity,
        trainers = v.TrainerIds.Count,
    };

    internal static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
