using Tunas.Web.Data;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Demo;

public sealed class SyntheticResidentsTests
{
    private static readonly SyntheticOptions Options = new() { VillageCodes = DemoSeeder.KotaBlitarVillages };

    private static readonly Lazy<RegistryContext> Context = new(() =>
    {
        var regions = RegionFiles.Read(RegionFiles.DefaultFolder).ToDictionary(r => r.Code, StringComparer.Ordinal);
        var villages = DemoSeeder.KotaBlitarVillages.ToHashSet(StringComparer.Ordinal);
        return new RegistryContext(Options.Today,
            code => regions.TryGetValue(code, out var d) && d.Level == RegionLevel.District
                ? new NikRegion(d.Code, d.Name, regions[d.ParentCode!].Name, regions[regions[d.ParentCode!].ParentCode!].Name)
                : null,
            villages.Contains, "35.72");
    });

    [Fact]
    public void TheSameSeedGivesTheSameRows()
    {
        var first = new SyntheticResidents(7, Options with { BadRowShare = 0.05 }).Rows(2_000).ToList();
        var second = new SyntheticResidents(7, Options with { BadRowShare = 0.05 }).Rows(2_000).ToList();
        var other = new SyntheticResidents(8, Options with { BadRowShare = 0.05 }).Rows(2_000).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(r => r.Nik), other.Select(r => r.Nik));
    }

    [Fact]
    public void RowsStopAtTheCountAskedFor()
    {
        Assert.Equal(12_345, new SyntheticResidents(1, Options).Rows(12_345).Count());
    }

    [Fact]
    public void EveryNikIsValidAndUniqueOverFiftyThousandRows()
    {
        var rows = new SyntheticResidents(42, Options).Rows(50_000).ToList();

        Assert.Equal(rows.Count, rows.Select(r => r.Nik).Distinct(StringComparer.Ordinal).Count());
        foreach (var row in rows)
        {
            var nik = Nik.Check(row.Nik, Options.Today, Context.Value.FindDistrict);
            Assert.True(nik.Valid, row.Nik + ": " + string.Join("; ", nik.Errors));
            Assert.Empty(nik.Warnings);
            Assert.Equal(row.BirthDate, nik.Nik!.Value.BirthDate);
            Assert.Equal(row.Sex, nik.Nik.Value.Sex);
            Assert.True(FamilyCardNumber.Check(row.FamilyCardNumber, Context.Value.FindDistrict).Valid, row.FamilyCardNumber);
        }
    }

    [Fact]
    public void CleanRowsPassEveryPersonRule()
    {
        foreach (var row in new SyntheticResidents(3, Options).Rows(20_000))
        {
            var check = PersonRules.Check(row.ToInput(), Context.Value);
            Assert.True(check.Valid, string.Join("; ", check.Errors.Select(e => e.Field + ": " + e.Format(e.Message))));
        }
    }

    [Fact]
    public void MostNiksWereIssuedInTheKecamatanOfTheirKelurahanAndSomeElsewhereInEastJava()
    {
        var rows = new SyntheticResidents(5, Options).Rows(20_000).ToList();

        var local = rows.Count(r => r.Nik[..6] == r.VillageCode.Replace(".", "", StringComparison.Ordinal)[..6]);
        Assert.InRange(local / (double)rows.Count, 0.85, 0.99);
        Assert.All(rows, r => Assert.StartsWith("35", r.Nik, StringComparison.Ordinal));
    }

    [Fact]
    public void HouseholdsHaveOneHeadAndPlausibleRelations()
    {
        var generator = new SyntheticResidents(11, Options);
        var households = Enumerable.Range(0, 5_000).Select(_ => generator.NextHousehold()).ToList();

        Assert.Equal(households.Count, households.Select(h => h.FamilyCardNumber).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, 7), households.Select(h => h.Members.Count).Distinct().Order());
        foreach (var household in households)
        {
            var head = household.Members[0];
            Assert.Equal(HouseholdRelation.Head, head.HouseholdRelation);
            Assert.Single(household.Members, m => m.HouseholdRelation == HouseholdRelation.Head);
            Assert.InRange(SyntheticResidents.AgeOn(head.BirthDate, Options.Today), 18, 90);
            Assert.All(household.Members, m =>
            {
                Assert.Equal(household.FamilyCardNumber, m.FamilyCardNumber);
                Assert.Equal(household.VillageCode, m.VillageCode);
                Assert.Equal(head.Address, m.Address);
                Assert.Equal(household.WelfareDecile, m.WelfareDecile);
            });
            var spouse = household.Members.SingleOrDefault(m => m.HouseholdRelation == HouseholdRelation.Spouse);
            if (spouse is not null)
            {
                Assert.NotEqual(head.Sex, spouse.Sex);
                Assert.Equal(MaritalStatus.Married, head.MaritalStatus);
                Assert.True(SyntheticResidents.AgeOn(spouse.BirthDate, Options.Today) >= 18);
            }
            foreach (var child in household.Members.Where(m => m.HouseholdRelation is HouseholdRelation.Child or HouseholdRelation.Grandchild))
            {
                Assert.True(child.BirthDate > head.BirthDate.AddYears(15), "A child is at least 15 years younger than the head.");
                Assert.True(spouse is null || child.BirthDate > spouse.BirthDate.AddYears(15), "A child is at least 15 years younger than the head's spouse.");
            }
            foreach (var parent in household.Members.Where(m => m.HouseholdRelation is HouseholdRelation.Parent or HouseholdRelation.ParentInLaw))
            {
                Assert.True(parent.BirthDate < head.BirthDate.AddYears(-15), "A parent is at least 15 years older than the head.");
            }
        }
    }

    [Fact]
    public void PoorerDecilesAreMoreCommonInTheCityAndEveryDecileOccurs()
    {
        var generator = new SyntheticResidents(13, Options);
        var deciles = Enumerable.Range(0, 10_000).Select(_ => generator.NextHousehold().WelfareDecile).ToList();

        Assert.Equal(Enumerable.Range(1, 10), deciles.Distinct().Order());
        Assert.True(deciles.Count(d => d <= 4) > 2 * deciles.Count(d => d >= 8));
    }

    [Fact]
    public void TraineeHouseholdsArePoorAndNameAHousewifeOrAYoungPersonWithoutWork()
    {
        var generator = new SyntheticResidents(17, Options);
        for (var i = 0; i < 500; i++)
        {
            var household = generator.NextHousehold(SyntheticHouseholdKind.Trainee, "35.72.03.1007");
            var trainee = household.Members[household.TraineeIndex!.Value];
            var age = SyntheticResidents.AgeOn(trainee.BirthDate, Options.Today);

            Assert.InRange(household.WelfareDecile, 1, 4);
            Assert.Equal("35.72.03.1007", trainee.VillageCode);
            Assert.True(
                (trainee.HouseholdRelation == HouseholdRelation.Spouse && trainee.Sex == Sex.Female && age is >= 22 and <= 50 && trainee.EmploymentStatus == EmploymentStatus.Homemaker)
                || (trainee.HouseholdRelation == HouseholdRelation.Child && age is >= 18 and <= 30 && trainee.EmploymentStatus == EmploymentStatus.Unemployed),
                $"{trainee.HouseholdRelation}, {age}, {trainee.EmploymentStatus}");
        }
    }

    [Fact]
    public void BadRowsModeProducesEveryKindOfProblemAndTheRulesCatchEach()
    {
        var rows = new SyntheticResidents(19, Options with { BadRowShare = 0.1 }).Rows(20_000).ToList();

        var bad = rows.Where(r => r.Problem != SyntheticProblem.None).ToList();
        Assert.InRange(bad.Count, 1_700, 2_300);
        Assert.Equal(Enum.GetValues<SyntheticProblem>().Skip(1), bad.Select(r => r.Problem).Distinct().Order());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var check = PersonRules.Check(row.ToInput(), Context.Value);
            var fields = check.Errors.Select(e => e.Field).ToList();
            switch (row.Problem)
            {
                case SyntheticProblem.None:
                    Assert.True(check.Valid);
                    break;
                case SyntheticProblem.ExcelDamagedNik:
                    Assert.Contains("E+", row.Nik, StringComparison.Ordinal);
                    Assert.Contains(check.Errors, e => e.Code == NikIssueCodes.ExcelDamaged);
                    break;
                case SyntheticProblem.InvalidNik:
                    Assert.Equal(16, row.Nik.Length);
                    Assert.Contains("nik", fields);
                    break;
                case SyntheticProblem.BirthDateMismatch:
                    Assert.Equal(["birthDate"], fields);
                    break;
                case SyntheticProblem.UnknownVillage:
                    Assert.Equal(["villageCode"], fields);
                    break;
                case SyntheticProblem.InvalidDecile:
                    Assert.Equal(["welfareDecile"], fields);
                    break;
                case SyntheticProblem.DuplicateNik:
                    Assert.True(check.Valid);
                    Assert.Contains(row.Nik, seen);
                    break;
            }
            seen.Add(row.Nik);
        }
    }
}
