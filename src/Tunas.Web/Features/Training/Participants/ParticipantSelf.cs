using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>
/// The placement of the signed-in participant, for everything a participant does on their own (<c>/me</c>, self
/// check-in, ratings, the cashbook): found by the account and the agency in the sign-in, never by an id in the request,
/// so that one participant can never reach another's rows.
/// </summary>
public sealed class ParticipantSelf(TunasDb db, CurrentUser me)
{
    /// <summary>The signed-in participant's latest placement, or null for anyone else.</summary>
    public Task<CohortParticipant?> FindAsync(CancellationToken ct = default)
    {
        if (!me.IsInRole(Roles.Participant) || me.Id is not { } userId || me.AgencyId is not { } agency)
        {
            return Task.FromResult<CohortParticipant?>(null);
        }
        return db.Set<CohortParticipant>().AsNoTracking()
            .Where(p => p.AgencyId == agency && p.UserId == userId)
            .OrderByDescending(p => p.PlacedAt).FirstOrDefaultAsync(ct);
    }
}
