using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses;

namespace Tunas.IntegrationTests.Security;

/// <summary>
/// The authorization seed's businesses: the "own" participant's is in the operator's kelurahan and assigned to the
/// facilitator; the "other" one's is in another kelurahan with no facilitator. Each has a worker, a photo row and a permit.
/// </summary>
internal static class BusinessSeed
{
    public static async Task<(SeedIds Own, SeedIds Other, int CategoryId)> AddAsync(TunasDb db, int agency, SeedIds own, SeedIds other, string facilitatorId)
    {
        var now = DateTime.UtcNow;
        var category = new BusinessCategory { AgencyId = agency, Name = "makanan", CreatedAt = now };
        db.Add(category);
        await db.SaveChangesAsync();

        async Task<SeedIds> OneAsync(SeedIds ids, string village, string? facilitator)
        {
            var business = new Business
            {
                AgencyId = agency,
                Name = "Usaha Uji " + ids.Person,
                CategoryId = category.Id,
                VillageCode = village,
                Status = BusinessStatus.Active,
                FacilitatorId = facilitator,
                CreatedAt = now,
                UpdatedAt = now,
                Owners = [new BusinessOwner { AgencyId = agency, PersonId = ids.Person }],
            };
            db.Add(business);
            await db.SaveChangesAsync();
            var worker = new BusinessWorker
            {
                AgencyId = agency,
                BusinessId = business.Id,
                FullName = "Pekerja Uji",
                HoursPerWeek = 20,
                PayBand = PayBand.UnderOneMillion,
                StartedOn = DateOnly.FromDateTime(now),
                CreatedAt = now,
                UpdatedAt = now,
            };
            var photo = new BusinessPhoto { AgencyId = agency, BusinessId = business.Id, FileName = "tidak-ada.jpg", AddedAt = now };
            var permit = new BusinessPermit { AgencyId = agency, BusinessId = business.Id, Kind = PermitKind.Nib, Status = PermitStatus.InProgress, UpdatedAt = now };
            db.AddRange(worker, photo, permit);
            await db.SaveChangesAsync();
            return ids with { Business = business.Id, Worker = worker.Id, Photo = photo.Id };
        }

        return (await OneAsync(own, TunasFactory.OperatorVillage, facilitatorId), await OneAsync(other, AuthorizationApp.OtherVillage, null), category.Id);
    }
}
