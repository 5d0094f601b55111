using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Training;

public sealed record Choice(int Id, string Name);

/// <summary>What _CohortFields.cshtml needs besides the typed values: the program's tracks, the providers and their staff.</summary>
public sealed record CohortFormView(CohortInput Input, IReadOnlyList<Choice> Tracks, IReadOnlyList<Choice> Providers, IReadOnlyList<TrainerOption> Staff)
{
    public static async Task<CohortFormView> LoadAsync(TunasDb db, CohortScope scope, int programId, CohortInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProgramId == programId && t.AgencyId == scope.AgencyId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        var providers = await db.Providers.AsNoTracking().Where(p => p.AgencyId == scope.AgencyId)
            .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        return new CohortFormView(input, tracks, providers, await scope.StaffAsync(ct));
    }

    public static CohortInput From(Cohort c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            Name = c.Name,
            TrackId = CohortWriter.Text(c.TrackId),
            ProviderId = CohortWriter.Text(c.ProviderId),
            Place = c.Place,
            StartsOn = DateText.Iso(c.StartsOn),
            EndsOn = DateText.Iso(c.EndsOn),
            Capacity = CohortWriter.Text(c.Capacity),
            WhatToBring = c.WhatToBring,
            TrainerIds = [.. c.Trainers.Select(t => t.UserId)],
        };
    }
}
