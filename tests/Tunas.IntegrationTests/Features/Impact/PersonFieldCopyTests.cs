using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>
/// The copies of a person's sex, birth date, disability and desil on cohort places and follow-ups, which the dashboard
/// counts instead of joining the registry (decision 0034): equal to the registry after every kind of write, at the next
/// read, and never changed by a write that did not commit. A fixture of its own, since these tests change people.
/// </summary>
public sealed class PersonFieldCopyTests(ImpactApp app) : IClassFixture<ImpactApp>
{
    /// <summary>Copies that differ from their person's row, in both tables; and how many copies there are.</summary>
    private static async Task<(int Drift, int Copies)> DriftAsync(TunasDb db)
    {
        var followUps = from f in db.Set<FollowUp>().AsNoTracking()
                        join p in db.Persons.AsNoTracking() on f.PersonId equals p.Id
                        select new { Same = f.PersonSex == p.Sex && f.PersonBirthDate == p.BirthDate && f.PersonDisability == p.Disability && f.PersonWelfareDecile == p.WelfareDecile };
        var places = from c in db.Set<CohortParticipant>().AsNoTracking()
                     join a in db.Applications.AsNoTracking() on c.ApplicationId equals a.Id
                     join p in db.Persons.AsNoTracking() on a.PersonId equals p.Id
                     select new { Same = c.PersonSex == p.Sex && c.PersonBirthDate == p.BirthDate && c.PersonDisability == p.Disability && c.PersonWelfareDecile == p.WelfareDecile };
        var drift = await followUps.CountAsync(x => !x.Same) + await places.CountAsync(x => !x.Same);
        return (drift, await followUps.CountAsync() + await places.CountAsync());
    }

    private async Task<(int Drift, int Copies)> DriftAsync()
    {
        using var scope = app.Services.CreateScope();
        return await DriftAsync(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    private async Task<Dashboard> ReadAsync()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        return (await client.GetFromJsonAsync<Dashboard>($"/api/v1/dashboard?programId={app.ProgramId}", JsonSerializerOptions.Web))!;
    }

    private async Task EditAsync(string name, Action<Person> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        change(await db.Persons.SingleAsync(p => p.FullName == name));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task EveryPlaceAndFollowUpWrittenThroughTheAppCarriesItsPersonsFields()
    {
        var (drift, copies) = await DriftAsync();

        Assert.True(copies >= 4 + 11, $"{copies} copies"); // the fixture's four places and eleven follow-ups, and any a test added
        Assert.Equal(0, drift);
    }

    [Fact]
    public async Task APersonsChangedDesilCountsAtTheNextReadInTheReachAndTheComparison()
    {
        var before = await ReadAsync();
        // Citra, a participant of desil 3, and Hadi, of the comparison group at desil 2, are found poorer or richer.
        await EditAsync("Citra Dewanti", p => p.WelfareDecile = 9);
        await EditAsync("Hadi Wibowo", p => (p.WelfareDecile, p.Sex) = (10, Sex.Female));
        var after = await ReadAsync();

        int Participants(Dashboard d, int desil) => d.Reach.Desil.Single(r => r.Desil == desil).Participants;
        Assert.Equal(Participants(before, 3) - 1, Participants(after, 3));
        Assert.Equal(Participants(before, 9) + 1, Participants(after, 9));
        // The comparison group is Hadi and Indah (desil 3, a woman): desil 2.5 becomes 6.5, women one in two become two.
        Assert.Equal(2.5, before.Comparison.ComparisonGroup.MeanDesil);
        Assert.Equal(6.5, after.Comparison.ComparisonGroup.MeanDesil);
        Assert.Equal(1.0, after.Comparison.ComparisonGroup.WomenShare);
        Assert.Equal(0, (await DriftAsync()).Drift);

        await EditAsync("Citra Dewanti", p => p.WelfareDecile = 3);
        await EditAsync("Hadi Wibowo", p => (p.WelfareDecile, p.Sex) = (2, Sex.Male));
        Assert.Equal(before.Comparison.ComparisonGroup, (await ReadAsync()).Comparison.ComparisonGroup);
    }

    [Fact]
    public async Task AnEditThatIsRolledBackLeavesEveryCopyAsItWas()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var ani = await db.Persons.SingleAsync(p => p.FullName == "Ani Lestari");
            (ani.WelfareDecile, ani.Disability) = (7, false);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        using var check = app.Services.CreateScope();
        var fresh = check.ServiceProvider.GetRequiredService<TunasDb>();
        var aniId = await fresh.Persons.Where(p => p.FullName == "Ani Lestari").Select(p => p.Id).SingleAsync();
        var copies = await fresh.Set<FollowUp>().AsNoTracking().Where(f => f.PersonId == aniId).Select(f => new { f.PersonWelfareDecile, f.PersonDisability }).ToListAsync();
        Assert.Equal(3, copies.Count);
        Assert.All(copies, c => Assert.Equal((1, true), (c.PersonWelfareDecile, c.PersonDisability)));
        Assert.Equal(0, (await DriftAsync(fresh)).Drift);
    }

    [Fact]
    public async Task AnImportThatChangesAParticipantsDesilChangesTheCopiesInItsOwnBatch()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var (nik, birth, female) = NewNik(female: true);
        const string header = "NIK;NAMA_LENGKAP;JK;TGL_LAHIR;KELURAHAN;DESIL";
        string File(int desil) => string.Join("\r\n", header, $"{nik};Sri Rahayu;P;{Date(birth)};Kauman;{desil}");
        var first = await ImportAsync(officer, Csv(File(2), new UTF8Encoding(true)), "warga.csv");
        Assert.Equal(1, Count(first, "inserted"));

        // She applies, is placed in the first cohort and answers a follow-up, all through the change tracker.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var person = await db.Persons.SingleAsync(p => p.Nik == nik);
            var application = app.Apply(db, person, app.T1, ApplicationStatus.Submitted);
            await db.SaveChangesAsync();
            app.Place(db, await db.Set<Cohort>().SingleAsync(c => c.Id == app.C1), application);
            app.FollowUp(db, application, FollowUpGroup.Participant, 3, true, 100_000, 50_000, 900_000);
            await db.SaveChangesAsync();
        }
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            Assert.Equal([2, 2], await CopiedDesilsAsync(db, nik));
        }

        var again = await ImportAsync(officer, Csv(File(5), new UTF8Encoding(true)), "warga-baru.csv");

        Assert.Equal((0, 1), (Count(again, "inserted"), Count(again, "updated")));
        using var after = app.Services.CreateScope();
        var fresh = after.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal([5, 5], await CopiedDesilsAsync(fresh, nik));
        Assert.Equal(0, (await DriftAsync(fresh)).Drift);
    }

    [Fact]
    public async Task AMergeMovesTheBusinessAndSurveysAndGivesThePlaceAndSurveysTheKeptPersonsFields()
    {
        long pairId, keptId, placeId, businessId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            Person Resident(string nik, int desil, bool disability) => new()
            {
                AgencyId = app.AgencyId,
                Nik = nik,
                FullName = "Wati Rahmawati",
                NameKey = SearchText.Fold("Wati Rahmawati"),
                Sex = Sex.Female,
                BirthDate = new(1994, 6, 6),
                VillageCode = ImpactApp.V1,
                WelfareDecile = desil,
                Disability = disability,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            // The same woman recorded twice: the record placed in a cohort is the one the officer removes.
            var removed = Resident("3572014606940091", 8, disability: false);
            var kept = Resident("3572014606940092", 2, disability: true);
            db.Persons.AddRange(removed, kept);
            await db.SaveChangesAsync();
            var application = app.Apply(db, removed, app.T1, ApplicationStatus.Submitted);
            await db.SaveChangesAsync();
            var place = app.Place(db, await db.Set<Cohort>().SingleAsync(c => c.Id == app.C1), application);
            app.FollowUp(db, application, FollowUpGroup.Participant, 3, true, 400_000, 100_000, 1_000_000);
            var business = new Business
            {
                AgencyId = app.AgencyId,
                Name = "Keripik Wati",
                CategoryId = await db.Set<BusinessCategory>().Select(c => c.Id).FirstAsync(),
                VillageCode = ImpactApp.V1,
                Status = BusinessStatus.Active,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            business.Owners.Add(new BusinessOwner { AgencyId = app.AgencyId, PersonId = removed.Id });
            db.Add(business);
            var pair = new SuspectedDuplicate
            {
                AgencyId = app.AgencyId,
                PersonAId = Math.Min(removed.Id, kept.Id),
                PersonBId = Math.Max(removed.Id, kept.Id),
                Reason = DuplicateReason.SameNameAndBirthDate,
                DetectedAt = DateTime.UtcNow,
            };
            db.Add(pair);
            await db.SaveChangesAsync();
            (pairId, keptId, placeId, businessId) = (pair.Id, kept.Id, place.Id, business.Id);
            Assert.Equal((8, false), await CopiedOnPlaceAsync(db, placeId));
        }

        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var merged = await officer.PostAsJsonAsync($"/api/v1/duplicates/{pairId}/merge", new { keepPersonId = keptId });

        Assert.Equal(System.Net.HttpStatusCode.OK, merged.StatusCode);
        using var after = app.Services.CreateScope();
        var fresh = after.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal((2, true), await CopiedOnPlaceAsync(fresh, placeId));
        // Her business and her survey were the removed record's: a restrict key each, which failed the merge before.
        Assert.Equal([keptId], await fresh.Set<BusinessOwner>().AsNoTracking().Where(o => o.BusinessId == businessId).Select(o => o.PersonId).ToListAsync());
        var survey = await fresh.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.ApplicationId == fresh.Set<CohortParticipant>().Where(c => c.Id == placeId).Select(c => c.ApplicationId).Single());
        Assert.Equal((keptId, 2, true), (survey.PersonId, survey.PersonWelfareDecile, survey.PersonDisability));
        Assert.Equal(0, (await DriftAsync(fresh)).Drift);
    }

    private static async Task<(int? Desil, bool Disability)> CopiedOnPlaceAsync(TunasDb db, long placeId)
    {
        var place = await db.Set<CohortParticipant>().AsNoTracking().SingleAsync(c => c.Id == placeId);
        return (place.PersonWelfareDecile, place.PersonDisability);
    }

    /// <summary>The desil copied on the person's place and on their follow-up, in that order.</summary>
    private static async Task<int?[]> CopiedDesilsAsync(TunasDb db, string nik)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Nik == nik).Select(p => p.Id).SingleAsync();
        var applications = db.Applications.Where(a => a.PersonId == person).Select(a => a.Id);
        var place = await db.Set<CohortParticipant>().AsNoTracking().Where(c => applications.Contains(c.ApplicationId)).Select(c => c.PersonWelfareDecile).SingleAsync();
        var followUp = await db.Set<FollowUp>().AsNoTracking().Where(f => f.PersonId == person).Select(f => f.PersonWelfareDecile).SingleAsync();
        return [place, followUp];
    }
}
