using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Duplicates;

namespace Tunas.IntegrationTests.Features.Registry.Duplicates;

/// <summary>The one detector, called with a set of person ids as the import's end scan and the intake call it.</summary>
[Collection(SharedApp.Name)]
public sealed class DuplicateDetectorTests(TunasFactory app)
{
    private static readonly DateOnly Birth = new(1979, 3, 14);

    [Fact]
    public async Task PersonsOfTheSetAreFlaggedAgainstTheRegistryAndAgainstEachOtherOnce()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Agencies.Select(a => a.Id).FirstAsync();
        var registered = await AddAsync(db, agency, "3572011403790001", "Darmini Himpun Satu", Birth);
        var newcomer = await AddAsync(db, agency, "3572011403790002", "Darmini Himpun Satu", Birth);
        var twinA = await AddAsync(db, agency, "3572011403790003", "Suwarno Himpun Dua", Birth);
        var twinB = await AddAsync(db, agency, "3572011403790004", "Suwarno  Himpun Dua", Birth);
        var alone = await AddAsync(db, agency, "3572011403790005", "Tukiyem Himpun Tiga", Birth);
        var outsideA = await AddAsync(db, agency, "3572011403790006", "Paijo Himpun Empat", Birth);
        var outsideB = await AddAsync(db, agency, "3572011403790007", "Paijo Himpun Empat", Birth);
        var detector = scope.ServiceProvider.GetRequiredService<DuplicateDetector>();

        var flagged = await detector.DetectAmongAsync([newcomer.Id, twinA.Id, twinB.Id, alone.Id]);
        var again = await detector.DetectAmongAsync([newcomer.Id, twinA.Id, twinB.Id, alone.Id]);

        Assert.Equal(2, flagged);
        Assert.Equal(0, again);
        var ids = new[] { registered.Id, newcomer.Id, twinA.Id, twinB.Id, alone.Id, outsideA.Id, outsideB.Id };
        var pairs = await db.SuspectedDuplicates.AsNoTracking().Where(d => ids.Contains(d.PersonAId) || ids.Contains(d.PersonBId))
            .Select(d => new { d.PersonAId, d.PersonBId, d.Reason, d.Status, d.AgencyId }).ToListAsync();
        Assert.Equal(2, pairs.Count);
        Assert.Contains(pairs, p => p.PersonAId == registered.Id && p.PersonBId == newcomer.Id);
        Assert.Contains(pairs, p => p.PersonAId == twinA.Id && p.PersonBId == twinB.Id);
        Assert.All(pairs, p => Assert.Equal((DuplicateReason.SameNameAndBirthDate, DuplicateStatus.Open, agency), (p.Reason, p.Status, p.AgencyId)));
    }

    [Fact]
    public async Task TheSameNameOnOneFamilyCardIsFlaggedWhateverTheBirthDates()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Agencies.Select(a => a.Id).FirstAsync();
        var household = new Household { AgencyId = agency, FamilyCardNumber = "3572011403790100" };
        db.Households.Add(household);
        await db.SaveChangesAsync();
        var parent = await AddAsync(db, agency, "3572011403790101", "Slamet Himpun Keluarga", Birth, household.Id);
        var child = await AddAsync(db, agency, "3572010101100102", "Slamet Himpun Keluarga", new DateOnly(2010, 1, 1), household.Id);
        var detector = scope.ServiceProvider.GetRequiredService<DuplicateDetector>();

        Assert.Equal(1, await detector.DetectAmongAsync([child.Id]));
        Assert.Equal(0, await detector.DetectAmongAsync([]));

        var pair = await db.SuspectedDuplicates.AsNoTracking().SingleAsync(d => d.PersonAId == parent.Id && d.PersonBId == child.Id);
        Assert.Equal(DuplicateReason.SameNameInHousehold, pair.Reason);
    }

    private static async Task<Person> AddAsync(TunasDb db, int agency, string nik, string name, DateOnly birth, long? household = null)
    {
        var person = new Person
        {
            AgencyId = agency,
            Nik = nik,
            FullName = name,
            NameKey = PersonNames.Key(name),
            BirthDate = birth,
            HouseholdId = household,
            VillageCode = TunasFactory.OperatorVillage,
        };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return person;
    }
}
