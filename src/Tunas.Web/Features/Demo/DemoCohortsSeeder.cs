using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's training: the published selection's selected applicants in one cohort per track at the two providers
/// (24 to 31 October 2025, as the article tells), sessions from the tracks' modules, and attendance with some
/// absences. The demo's provider staff user trains the LPK's cohort. Rows are written directly, dated in 2025:
/// no placement messages are queued for a training that is over. Every participant has an account, as a placement
/// makes one; one of the LPK's participants has the PIN <see cref="ParticipantPin"/>, printed at start-up, so that a
/// tester can sign in as a participant; most participants have rated their training.
/// </summary>
public sealed class DemoCohortsSeeder(TunasDb db, TimeProvider clock, ParticipantAccounts accounts, IPasswordHasher<AppUser> hasher)
{
    /// <summary>The demo participant's PIN: fixed, like a demo password that is shown, so that a tester can type it.</summary>
    public const string ParticipantPin = "246810";

    private static readonly DateOnly Starts = new(2025, 10, 24);
    private static readonly DateOnly Ends = new(2025, 10, 31);

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Tracks).FirstOrDefaultAsync(p => p.AgencyId == agencyId && p.Name == DemoProgramSeeder.ProgramName, ct);
        if (program is null || await db.Set<Cohort>().AnyAsync(c => c.ProgramId == program.Id, ct))
        {
            await output.WriteLineAsync("Demo cohorts: already there, or no demo program; nothing added.");
            return;
        }
        var runId = await db.SelectionRuns.Where(r => r.ProgramId == program.Id && r.Status == SelectionRunStatus.Published)
            .OrderByDescending(r => r.Number).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        var providers = await (from tp in db.TrackProviders
                               join p in db.Providers on tp.ProviderId equals p.Id
                               where tp.AgencyId == agencyId
                               select new { tp.TrackId, p.Id, p.Name, p.Address }).ToListAsync(ct);
        if (runId is null || providers.Count == 0)
        {
            await output.WriteLineAsync("Demo cohorts: no published selection or no providers; nothing added.");
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var cohorts = new Dictionary<int, Cohort>();
        foreach (var track in program.Tracks.OrderBy(t => t.SortOrder))
        {
            var provider = providers.FirstOrDefault(p => p.TrackId == track.Id);
            if (provider is null)
            {
                continue;
            }
            var cohort = new Cohort
            {
                AgencyId = agencyId,
                ProgramId = program.Id,
                TrackId = track.Id,
                ProviderId = provider.Id,
                Name = track.Name + " – Angkatan 1",
                Place = provider.Name + (provider.Address is null ? "" : ", " + provider.Address),
                StartsOn = Starts,
                EndsOn = Ends,
                Capacity = 30,
                WhatToBring = "KTP, alat tulis, celemek",
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(cohort);
            cohorts[track.Id] = cohort;
        }
        await db.SaveChangesAsync(ct);

        var sessions = new List<CohortSession>();
        foreach (var cohort in cohorts.Values)
        {
            var modules = await db.TrackModules.AsNoTracking().Where(m => m.TrackId == cohort.TrackId).OrderBy(m => m.SortOrder)
                .Select(m => new PlannedModule(m.Name, m.Hours)).ToListAsync(ct);
            sessions.AddRange(SessionPlan.For(Starts, Ends, modules).Select((s, i) => new CohortSession
            {
                AgencyId = agencyId,
                CohortId = cohort.Id,
                Date = s.Date,
                Title = s.Title.Length > 200 ? s.Title[..200] : s.Title,
                Hours = s.Hours,
                SortOrder = i,
            }));
        }
        var selected = await (from d in db.SelectionDecisions.AsNoTracking()
                              where d.RunId == runId && (d.Status == DecisionStatus.Selected || d.Status == DecisionStatus.Promoted)
                              join a in db.Applications on d.ApplicationId equals a.Id
                              where a.Status == ApplicationStatus.Submitted
                              orderby a.RegistrationNumber
                              select new { a.Id, TrackId = d.TrackId ?? a.FirstTrackId }).ToListAsync(ct);
        var participants = selected.Where(s => cohorts.ContainsKey(s.TrackId)).Select(s => new CohortParticipant
        {
            AgencyId = agencyId,
            CohortId = cohorts[s.TrackId].Id,
            ApplicationId = s.Id,
            Status = ParticipantStatus.Placed,
            PlacedAt = new DateTime(2025, 10, 16, 2, 0, 0, DateTimeKind.Utc),
        }).ToList();
        db.AddRange(sessions);
        db.AddRange(participants);
        await db.SaveChangesAsync(ct);

        var marks = 0;
        foreach (var session in sessions)
        {
            foreach (var (participant, i) in participants.Where(p => p.CohortId == session.CohortId).Select((p, i) => (p, i)))
            {
                // Mostly present; a few late, excused or absent, the same on every machine.
                var roll = (int)((participant.Id * 31 + session.Id * 17) % 40);
                var status = roll switch { 0 or 1 => AttendanceStatus.Absent, 2 => AttendanceStatus.Excused, 3 or 4 => AttendanceStatus.Late, _ => AttendanceStatus.Present };
                db.Add(new AttendanceMark
                {
                    AgencyId = agencyId,
                    CohortId = session.CohortId,
                    SessionId = session.Id,
                    ParticipantId = participant.Id,
                    Status = status,
                    ClientId = string.Create(CultureInfo.InvariantCulture, $"demo-{session.Id}-{participant.Id}"),
                    MarkedAt = session.Date.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                    MarkedById = null,
                });
                marks++;
            }
        }

        // The demo's instructor trains at the LPK's cohort (the Menjahit track), so that the attendance page has a trainer.
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.AgencyId == agencyId && r.Name == Roles.ProviderStaff
                           select u).FirstOrDefaultAsync(ct);
        var lpkCohort = cohorts.Values.FirstOrDefault(c => providers.Any(p => p.Id == c.ProviderId && p.Name.StartsWith("LPK", StringComparison.Ordinal)));
        if (staff is not null && lpkCohort is not null)
        {
            staff.ProviderId ??= lpkCohort.ProviderId;
            if (staff.ProviderId == lpkCohort.ProviderId)
            {
                db.Add(new CohortTrainer { AgencyId = agencyId, CohortId = lpkCohort.Id, UserId = staff.Id });
            }
        }
        await db.SaveChangesAsync(ct);
        await accounts.EnsureAllAsync(participants, ct);
        var ratings = AddRatings(participants);
        var login = await ParticipantPinAsync(participants.Where(p => p.CohortId == lpkCohort?.Id).DefaultIfEmpty(participants.FirstOrDefault()).First(), ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo cohorts: {cohorts.Count} cohorts, {participants.Count} participants placed (each with an account), {sessions.Count} sessions, {marks} attendance marks, {ratings} ratings."));
        if (login is not null)
        {
            await output.WriteLineAsync($"  {"Participant",-16} {login,-36} PIN {ParticipantPin}   (/Account/Participant)");
        }
    }

    /// <summary>Most participants rate the training (4 or 5 mostly, a few lower, some comments), the same on every machine.</summary>
    private int AddRatings(List<CohortParticipant> participants)
    {
        string?[] comments = ["Materinya sangat bermanfaat untuk usaha saya.", null, "Waktu praktik kurang lama.", null, "Pelatihnya sabar dan jelas."];
        var count = 0;
        foreach (var (participant, i) in participants.Select((p, i) => (p, i)).Where(x => x.i % 4 != 3))
        {
            db.Add(new TrainingRating
            {
                AgencyId = participant.AgencyId,
                CohortId = participant.CohortId,
                ParticipantId = participant.Id,
                TrainingScore = i % 7 == 0 ? 3 : 4 + (i % 2),
                TrainerScore = i % 5 == 0 ? 4 : 5,
                Comment = comments[i % comments.Length],
                RatedAt = new DateTime(2025, 10, 31, 9, 0, 0, DateTimeKind.Utc),
            });
            count++;
        }
        return count;
    }

    /// <summary>Gives one participant's account the demo PIN; saves everything pending. Its login, or null.</summary>
    private async Task<string?> ParticipantPinAsync(CohortParticipant? participant, CancellationToken ct)
    {
        var user = participant?.UserId is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        if (user is not null)
        {
            user.PasswordHash = hasher.HashPassword(user, ParticipantPin);
        }
        await db.SaveChangesAsync(ct);
        return user?.UserName;
    }
}
