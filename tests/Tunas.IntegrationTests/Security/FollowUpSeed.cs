using Tunas.Web.Data;
using Tunas.Web.Features.Businesses.FollowUps;

namespace Tunas.IntegrationTests.Security;

/// <summary>The authorization seed's follow-ups: the "own" participant's 1-month visit is the facilitator's; the "other" one's has none.</summary>
internal static class FollowUpSeed
{
    public static async Task<(SeedIds Own, SeedIds Other)> AddAsync(TunasDb db, int agency, int programId, SeedIds own, SeedIds other, string facilitatorId)
    {
        var now = DateTime.UtcNow;
        FollowUp Row(SeedIds ids, string? facilitator) => new()
        {
            AgencyId = agency,
            ProgramId = programId,
            PersonId = ids.Person,
            ApplicationId = ids.Application,
            Group = FollowUpGroup.Participant,
            MonthsAfter = 1,
            DueOn = DateOnly.FromDateTime(now).AddDays(-3),
            FacilitatorId = facilitator,
            BusinessId = ids.Business,
            Status = FollowUpStatus.Due,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var (mine, theirs) = (Row(own, facilitatorId), Row(other, null));
        db.AddRange(mine, theirs);
        await db.SaveChangesAsync();
        return (own with { FollowUp = mine.Id }, other with { FollowUp = theirs.Id });
    }
}
