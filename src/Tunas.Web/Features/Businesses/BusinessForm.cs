using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses;

public sealed record ParticipantOption(long PersonId, string Name, string VillageCode);

/// <summary>What _BusinessFields.cshtml needs: the input and the lists to choose from.</summary>
public sealed record BusinessFormView(
    BusinessInput Input, IReadOnlyList<ParticipantOption> Participants, IReadOnlyList<RegionSummary> Villages, IReadOnlyList<string> Categories,
    IReadOnlyList<FacilitatorOption> Facilitators)
{
    public const int MaxParticipants = 1000;

    public static async Task<BusinessFormView> LoadAsync(TunasDb db, BusinessScope scope, BusinessCategories categories, VillageNames villages, BusinessInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(villages);
        var placed = scope.Participants;
        var chosen = input.OwnerPersonIds ?? [];
        var participants = await db.Persons.AsNoTracking().Where(p => p.AgencyId == scope.AgencyId && (placed.Contains(p.Id) || chosen.Contains(p.Id)))
            .OrderBy(p => p.FullName).Take(MaxParticipants).Select(p => new ParticipantOption(p.Id, p.FullName, p.VillageCode)).ToListAsync(ct);
        var active = (await categories.ActiveAsync(ct)).Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new BusinessFormView(input, participants, await villages.OfAgencyAsync(ct), active, await scope.FacilitatorsAsync(ct));
    }

    public static BusinessInput From(Business b, string category) => new()
    {
        OwnerPersonIds = [.. b.Owners.Select(o => o.PersonId)],
        Name = b.Name,
        Category = category,
        Description = b.Description,
        VillageCode = b.VillageCode,
        Address = b.Address,
        StartedOn = b.StartedOn is { } d ? DateText.Iso(d) : null,
        Status = BusinessFields.Code(b.Status),
        ClosedReason = b.ClosedReason,
        WhatsApp = b.WhatsApp,
        CatalogueConsent = b.CatalogueConsent,
        FacilitatorId = b.FacilitatorId,
    };
}
