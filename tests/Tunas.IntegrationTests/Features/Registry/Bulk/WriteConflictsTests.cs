using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Bulk;

namespace Tunas.IntegrationTests.Features.Registry.Bulk;

/// <summary>The classifier against the errors the configured database really raises (SQLite, or PostgreSQL in CI).</summary>
[Collection(SharedApp.Name)]
public sealed class WriteConflictsTests(TunasFactory app)
{
    [Fact]
    public async Task ASecondPersonWithTheSameNikIsAUniqueKeyConflict()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Agencies.Select(a => a.Id).FirstAsync();
        db.Persons.Add(Person(agency, "3572015505901101"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.Persons.Add(Person(agency, "3572015505901101"));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(WriteConflict.UniqueKey, WriteConflicts.Classify(error));
        Assert.True(WriteConflicts.IsConflict(error));
        Assert.DoesNotContain("3572015505901101", WriteConflicts.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonOfNoAgencyIsNoConflict()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        db.Persons.Add(Person(-42, "3572015505901102"));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(WriteConflict.None, WriteConflicts.Classify(error));
    }

    private static Person Person(int agency, string nik) => new()
    {
        AgencyId = agency,
        Nik = nik,
        FullName = "Konflik Kunci Uji",
        NameKey = PersonNames.Key("Konflik Kunci Uji"),
        BirthDate = new DateOnly(1990, 5, 15),
        VillageCode = TunasFactory.OperatorVillage,
    };
}
