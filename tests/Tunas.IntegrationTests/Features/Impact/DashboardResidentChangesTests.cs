using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>
/// Residents' changes as the kept facts apply them (decision 0035): the registry's count moved by each change, and the
/// blocks after it moved only by the residents they read. A fixture of its own: the other tests delete the answers.
/// </summary>
public sealed class DashboardResidentChangesTests(ImpactApp app) : DashboardFactsBase(app), IClassFixture<ImpactApp>
{
    [Fact]
    public async Task EachResidentsChangeMovesTheRegistryCountAsARecountFromEveryResidentWould()
    {
        // The program's rules: 18 to 45 years old, desil 1 to 4, living in 35.72. The kelurahan's and the whole agency's
        // counts are read first and then only at the end: each catches up over every change at once.
        var village = new DashboardFilter(ProgramId: App.ProgramId, VillageCode: ImpactApp.V1);
        var agency = new DashboardFilter();
        var before = await SameAsRecountAsync();
        await SameAsRecountAsync(village);
        await SameAsRecountAsync(agency);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var id = await WithAsync(async db =>
        {
            var p = new Person
            {
                AgencyId = App.AgencyId,
                Nik = "3572014107960001",
                FullName = "Warga Baru",
                NameKey = SearchText.Fold("Warga Baru"),
                Sex = Sex.Female,
                BirthDate = today.AddYears(-30),
                VillageCode = ImpactApp.V1,
                WelfareDecile = 2,
                Verified = true,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Persons.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        Assert.Equal(before.Funnel.Registry + 1, (await SameAsRecountAsync()).Funnel.Registry);

        async Task ChangeAsync(Action<Person> change) => await WriteAsync(async db =>
        {
            change(await db.Persons.SingleAsync(p => p.Id == id));
            await db.SaveChangesAsync();
        });
        // Too old for the program; back in age but of an unknown desil (the program needs one); desil 3 in another kelurahan.
        await ChangeAsync(p => p.BirthDate = today.AddYears(-60));
        Assert.Equal(before.Funnel.Registry, (await SameAsRecountAsync()).Funnel.Registry);
        await ChangeAsync(p => (p.BirthDate, p.WelfareDecile) = (today.AddYears(-30), null));
        Assert.Equal(before.Funnel.Registry, (await SameAsRecountAsync()).Funnel.Registry);
        await ChangeAsync(p => (p.WelfareDecile, p.VillageCode) = (3, ImpactApp.V2));
        var moved = await SameAsRecountAsync();
        Assert.Equal(before.Funnel.Registry + 1, moved.Funnel.Registry);
        Assert.Equal(before.Reach.Desil.Single(d => d.Desil == 3).Eligible + 1, moved.Reach.Desil.Single(d => d.Desil == 3).Eligible);
        await SameAsRecountAsync(village);
        await SameAsRecountAsync(agency);

        // Every resident who never applied moved to desil 1 by one statement the change tracker never sees (they have no
        // copies of their fields on places or answers to keep).
        var bulk = await WithAsync(db => db.Persons.Where(p => p.AgencyId == App.AgencyId && !db.Applications.Any(a => a.PersonId == p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.WelfareDecile, 1), default));
        Assert.True(bulk > 1);
        var desil1 = await SameAsRecountAsync();
        await SameAsRecountAsync(village);

        // Gone from the registry (she was one of them: 30 years old, desil 1 now, in 35.72).
        await WithAsync(db => db.Persons.Where(p => p.Id == id).ExecuteDeleteAsync(default));
        var deleted = await SameAsRecountAsync();
        Assert.Equal(desil1.Funnel.Registry - 1, deleted.Funnel.Registry);
        await SameAsRecountAsync(village);
        await SameAsRecountAsync(agency);

        // A person of the comparison group, then a participant, moved to another desil through the change tracker (which
        // keeps the copies of their fields): each group's profile moves, and only that group's.
        async Task<Dashboard> MoveAsync(FollowUpGroup group)
        {
            await WriteAsync(async db =>
            {
                var resident = await db.Persons.Where(p => db.Set<FollowUp>().Any(f => f.PersonId == p.Id && f.AgencyId == App.AgencyId && f.Group == group
                    && f.Status == FollowUpStatus.Done)).OrderBy(p => p.Id).FirstAsync();
                resident.WelfareDecile = resident.WelfareDecile is 10 ? 1 : 10;
                await db.SaveChangesAsync();
            });
            await SameAsRecountAsync(village);
            return await SameAsRecountAsync();
        }
        var comparisonMoved = await MoveAsync(FollowUpGroup.Comparison);
        Assert.NotEqual(deleted.Comparison.ComparisonGroup, comparisonMoved.Comparison.ComparisonGroup);
        Assert.Equal(deleted.Comparison.Participants, comparisonMoved.Comparison.Participants);
        var participantMoved = await MoveAsync(FollowUpGroup.Participant);
        Assert.NotEqual(comparisonMoved.Comparison.Participants, participantMoved.Comparison.Participants);
        Assert.Equal(comparisonMoved.Comparison.ComparisonGroup, participantMoved.Comparison.ComparisonGroup);

        // A worker who is a resident of desil 1 to 4 moves to desil 9: one job fewer for desil 1 to 4 households.
        await WriteAsync(async db =>
        {
            var joko = await db.Persons.SingleAsync(p => p.AgencyId == App.AgencyId && p.FullName == "Joko Susilo");
            joko.WelfareDecile = 9;
            await db.SaveChangesAsync();
        });
        var workerMoved = await SameAsRecountAsync();
        Assert.Equal(participantMoved.Outcomes.JobsDesil1To4 - 1, workerMoved.Outcomes.JobsDesil1To4);
    }
}
