using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>One line of the printed cohort sheet.</summary>
public sealed record SheetLine(string FullName, string Login, string Code, DateTime ExpiresAt);

/// <summary>
/// Gives participants their one-time sign-in codes, for the trainer's screen or the cohort sheet: only through
/// <see cref="CohortScope"/>, so another provider's trainer finds no such cohort. Every code given is audited.
/// </summary>
public sealed class SignInCodeDesk(TunasDb db, CohortScope scope, ParticipantAccounts accounts, SignInCodes codes, AuditLog audit)
{
    /// <summary>A fresh code for one participant of the cohort, or null when the cohort or the participant is not found.</summary>
    public async Task<SignInCode?> IssueAsync(int cohortId, long participantId, CancellationToken ct = default)
    {
        if (!await scope.Cohorts.AnyAsync(c => c.Id == cohortId, ct))
        {
            return null;
        }
        var participant = await db.Set<CohortParticipant>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.AgencyId == scope.AgencyId && p.CohortId == cohortId && p.Id == participantId, ct);
        if (participant is null)
        {
            return null;
        }
        var user = await accounts.EnsureAsync(participant, ct);
        var code = await codes.IssueAsync(user, ct);
        audit.Record("participant.sign-in-code-issued", "CohortParticipant", CohortWriter.Text(participant.Id), new { registrationNumber = code.Login });
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>Fresh codes for every participant still taking part, by name (the earlier codes stop working), or null.</summary>
    public async Task<IReadOnlyList<SheetLine>?> IssueAllAsync(int cohortId, CancellationToken ct = default)
    {
        if (await scope.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, ct) is not { } cohort)
        {
            return null;
        }
        var participants = await db.Set<CohortParticipant>()
            .Where(p => p.AgencyId == scope.AgencyId && p.CohortId == cohortId && p.Status == ParticipantStatus.Placed).ToListAsync(ct);
        await accounts.EnsureAllAsync(participants, ct);
        var ids = participants.Where(p => p.UserId is not null).Select(p => p.UserId!).ToList();
        var users = await db.Users.Where(u => u.AgencyId == scope.AgencyId && ids.Contains(u.Id)).ToListAsync(ct);
        var lines = new List<SheetLine>();
        foreach (var user in users)
        {
            var code = await codes.IssueAsync(user, ct);
            lines.Add(new SheetLine(user.FullName ?? code.Login, code.Login, code.Code, code.ExpiresAt));
        }
        audit.Record("participant.sign-in-codes-printed", "Cohort", CohortWriter.Text(cohort.Id), new { cohort = cohort.Name, participants = lines.Count });
        await db.SaveChangesAsync(ct);
        return [.. lines.OrderBy(l => l.FullName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Login, StringComparer.Ordinal)];
    }
}
