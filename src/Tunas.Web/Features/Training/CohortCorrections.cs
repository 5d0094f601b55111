using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Training;

/// <summary>What a placed participant was told about a cohort: a change to any of it sends a correction.</summary>
public sealed record CohortNotice(DateOnly StartsOn, DateOnly EndsOn, string Place, int ProviderId, string? WhatToBring)
{
    public static CohortNotice Of(Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return new(cohort.StartsOn, cohort.EndsOn, cohort.Place, cohort.ProviderId, cohort.WhatToBring);
    }
}

/// <summary>
/// Tells a cohort's placed participants when its days, place, provider or what to bring change after placement
/// (issue 13), through the outbox in the change's own save. Each message's key names the cohort's version that
/// was changed, so a retried change finds its messages already stored and a later change sends again.
/// </summary>
public sealed class CohortCorrections(TunasDb db, Outbox outbox, TrainingTexts texts)
{
    /// <summary>Queues one correction per placed participant when <paramref name="before"/> differs from the cohort now; the count queued.</summary>
    public async Task<int> QueueAsync(Cohort cohort, CohortNotice before, DateTime version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(before);
        var after = CohortNotice.Of(cohort);
        if (before == after)
        {
            return 0;
        }
        var recipients = await (
            from x in db.Set<CohortParticipant>().AsNoTracking()
            where x.AgencyId == cohort.AgencyId && x.CohortId == cohort.Id && x.Status == ParticipantStatus.Placed
            join a in db.Applications on x.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            orderby x.Id
            select new { x.Id, x.ApplicationId, a.RegistrationNumber, a.Phone, a.Email, p.FullName }).ToListAsync(ct);
        if (recipients.Count == 0)
        {
            return 0;
        }
        var names = await (
            from p in db.Programs.AsNoTracking()
            where p.Id == cohort.ProgramId && p.AgencyId == cohort.AgencyId
            select new
            {
                Program = p.Name,
                Track = db.Tracks.Where(t => t.Id == cohort.TrackId).Select(t => t.Name).First(),
                Provider = db.Providers.Where(v => v.Id == cohort.ProviderId).Select(v => v.Name).First(),
            }).SingleAsync(ct);
        var facts = new PlacementFacts(names.Program, cohort.Name, names.Track, names.Provider, cohort.Place, cohort.StartsOn, cohort.EndsOn, cohort.WhatToBring);
        var changes = new CohortChanges(before.StartsOn != after.StartsOn || before.EndsOn != after.EndsOn,
            before.Place != after.Place || before.ProviderId != after.ProviderId, before.WhatToBring != after.WhatToBring);
        var stamp = CohortWriter.Text(version.Ticks);
        return await outbox.AddRangeAsync([.. recipients.Select(r =>
        {
            var (subject, body) = texts.Correction(facts, r.RegistrationNumber, changes);
            return new MessageDraft(cohort.AgencyId, MessageKind.TrainingPlacement, $"placement-correction:{cohort.Id}:{stamp}:{CohortWriter.Text(r.Id)}",
                r.Phone, r.Email, r.FullName, subject, body, r.ApplicationId, cohort.ProgramId);
        })], ct);
    }
}
