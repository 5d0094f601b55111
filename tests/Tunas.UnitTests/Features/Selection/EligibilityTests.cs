using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using static Tunas.UnitTests.Features.Selection.SelectionData;

namespace Tunas.UnitTests.Features.Selection;

public class EligibilityTests
{
    private static readonly EligibilitySettings Youth = new() { MinAge = 18, MaxAge = 29 };

    private static RuleResult Rule(EligibilityResult result, EligibilityRule rule) => result.Rules[(int)rule];

    private static EligibilityResult BornOn(string birthDate, EligibilitySettings settings, DateOnly? reference = null) =>
        Eligibility.Evaluate(Applicant(1) with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) },
            settings, reference ?? Reference);

    [Fact]
    public void EveryRuleIsReportedInOrderEvenWhenAllAreSwitchedOff()
    {
        var result = Eligibility.Evaluate(Applicant(1), EligibilitySettings.None, Reference);

        Assert.True(result.IsEligible);
        Assert.Equal(Enum.GetValues<EligibilityRule>(), result.Rules.Select(r => r.Rule));
        Assert.All(result.Rules, r => Assert.Equal(RuleStatus.NotApplied, r.Status));
        Assert.Equal(SelectionReasonCodes.RuleOff, Rule(result, EligibilityRule.Age).Reason.Code);
        Assert.Equal(SelectionReasonCodes.NoSecondChoice, Rule(result, EligibilityRule.SecondTrack).Reason.Code);
    }

    [Fact]
    public void EveryRuleIsReportedWhenAllAreSwitchedOnAndPassed()
    {
        var settings = new EligibilitySettings
        {
            MinAge = 18,
            MaxAge = 45,
            MaxDesil = 4,
            DomicileRegencyCode = "35.72",
            MaxPerHousehold = 1,
            ExcludeTrainedWithinYears = 2,
            WomenOnlyTrackIds = new HashSet<long> { 2 },
        };

        var result = Eligibility.Evaluate(Applicant(1, second: 3), settings, Reference);

        Assert.True(result.IsEligible);
        Assert.Equal(
            [RuleStatus.Passed, RuleStatus.Passed, RuleStatus.Passed, RuleStatus.Passed, RuleStatus.Passed, RuleStatus.Passed, RuleStatus.NotApplied],
            result.Rules.Select(r => r.Status));
        Assert.Equal(SelectionReasonCodes.HouseholdAtSelection, Rule(result, EligibilityRule.Household).Reason.Code);
        Assert.Equal("The age on 2025-10-23 is within the program's range.", Rule(result, EligibilityRule.Age).Reason.ToString());
    }

    [Theory]
    [InlineData("2007-10-23", true)]   // 18th birthday on the reference date: already 18
    [InlineData("2007-10-22", true)]
    [InlineData("2007-10-24", false)]  // turns 18 the day after: still 17
    [InlineData("1996-10-24", true)]   // 29, turns 30 the day after
    [InlineData("1995-10-24", true)]
    [InlineData("1995-10-23", false)]  // 30th birthday on the reference date: already 30
    [InlineData("1995-10-22", false)]
    public void AgeIsCountedInCompletedYearsAndTheBirthdayItselfCounts(string birthDate, bool eligible)
    {
        var result = BornOn(birthDate, Youth);

        Assert.Equal(eligible, result.IsEligible);
        Assert.Equal(eligible ? RuleStatus.Passed : RuleStatus.Failed, Rule(result, EligibilityRule.Age).Status);
    }

    [Fact]
    public void TooYoungAndTooOldSayTheAgeTheDateAndTheLimit()
    {
        var young = Rule(BornOn("2007-10-24", Youth), EligibilityRule.Age).Reason;
        var old = Rule(BornOn("1995-10-23", Youth), EligibilityRule.Age).Reason;

        Assert.Equal(SelectionReasonCodes.AgeTooYoung, young.Code);
        Assert.Equal(["17", "2025-10-23", "18"], young.Args);
        Assert.Equal("Age 17 on 2025-10-23 is below the minimum of 18.", young.ToString());
        Assert.Equal(SelectionReasonCodes.AgeTooOld, old.Code);
        Assert.Equal(["30", "2025-10-23", "29"], old.Args);
    }

    [Theory]
    [InlineData("2004-02-29", "2022-02-28", 17)] // no 29 February in 2022: the birthday falls on 1 March
    [InlineData("2004-02-29", "2022-03-01", 18)]
    [InlineData("2004-02-29", "2024-02-28", 19)]
    [InlineData("2004-02-29", "2024-02-29", 20)]
    [InlineData("2004-02-28", "2024-02-29", 20)]
    [InlineData("2004-03-01", "2024-02-29", 19)]
    [InlineData("2004-02-29", "2004-02-29", 0)]
    public void LeapDayBirthdaysAreReachedOnTheFirstOfMarchInOtherYears(string birthDate, string on, int age)
    {
        Assert.Equal(age, Eligibility.AgeOn(
            DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ALeapDayChildReachesTheMinimumAgeOnTheFirstOfMarch()
    {
        var settings = new EligibilitySettings { MinAge = 18 };

        Assert.False(BornOn("2004-02-29", settings, new DateOnly(2022, 2, 28)).IsEligible);
        Assert.True(BornOn("2004-02-29", settings, new DateOnly(2022, 3, 1)).IsEligible);
    }

    [Fact]
    public void TheAgeReferenceDateOfTheSettingsWinsOverTheRunDate()
    {
        var settings = Youth with { AgeReferenceDate = new DateOnly(2025, 1, 1) };

        var result = BornOn("2007-10-23", settings);

        Assert.False(result.IsEligible);
        Assert.Equal(["17", "2025-01-01", "18"], Rule(result, EligibilityRule.Age).Reason.Args);
    }

    [Fact]
    public void OnlyAMinimumOrOnlyAMaximumAgeWorksAlone()
    {
        Assert.True(BornOn("1930-01-01", new EligibilitySettings { MinAge = 18 }).IsEligible);
        Assert.True(BornOn("2015-01-01", new EligibilitySettings { MaxAge = 29 }).IsEligible);
        Assert.False(BornOn("2015-01-01", new EligibilitySettings { MinAge = 18 }).IsEligible);
    }

    [Theory]
    [InlineData("35.72", "35.72.01.1001", true)]
    [InlineData("35.72", "35.72.03.1007", true)]
    [InlineData("35.72", "35.72", true)]
    [InlineData("35", "35.72.01.1001", true)]        // a province code works the same way
    [InlineData("35.7", "35.72.01.1001", false)]     // 35.7 is not a prefix of 35.72 by region
    [InlineData("35.72", "35.721.01.1001", false)]
    [InlineData("35.72", "35.71.01.1001", false)]
    [InlineData("35.72", "3572011001", false)]
    public void DomicileMustBeInsideTheRegionByWholeCodeParts(string regency, string village, bool eligible)
    {
        var result = Eligibility.Evaluate(Applicant(1) with { VillageCode = village },
            new EligibilitySettings { DomicileRegencyCode = regency }, Reference);

        Assert.Equal(eligible, result.IsEligible);
        if (!eligible)
        {
            var reason = Rule(result, EligibilityRule.Domicile).Reason;
            Assert.Equal(SelectionReasonCodes.DomicileOutside, reason.Code);
            Assert.Equal([village, regency], reason.Args);
        }
    }

    [Fact]
    public void AnUnknownDomicileFailsWithItsOwnReason()
    {
        var result = Eligibility.Evaluate(Applicant(1) with { VillageCode = "" },
            new EligibilitySettings { DomicileRegencyCode = "35.72" }, Reference);

        Assert.False(result.IsEligible);
        Assert.Equal(SelectionReasonCodes.DomicileUnknown, Rule(result, EligibilityRule.Domicile).Reason.Code);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(10, false)]
    public void DesilMustNotExceedTheMaximum(int desil, bool eligible)
    {
        var result = Eligibility.Evaluate(Applicant(1, desil: desil), new EligibilitySettings { MaxDesil = 4 }, Reference);

        Assert.Equal(eligible, result.IsEligible);
        if (!eligible)
        {
            Assert.Equal(SelectionReasonCodes.DesilTooHigh, Rule(result, EligibilityRule.Desil).Reason.Code);
            Assert.Equal([desil.ToString(System.Globalization.CultureInfo.InvariantCulture), "4"], Rule(result, EligibilityRule.Desil).Reason.Args);
        }
    }

    [Fact]
    public void AnUnknownDesilFailsWithItsOwnReasonWhenTheRuleIsOn()
    {
        var on = Eligibility.Evaluate(Applicant(1, desil: null), new EligibilitySettings { MaxDesil = 10 }, Reference);
        var off = Eligibility.Evaluate(Applicant(1, desil: null), EligibilitySettings.None, Reference);

        Assert.False(on.IsEligible);
        Assert.Equal(SelectionReasonCodes.DesilUnknown, Rule(on, EligibilityRule.Desil).Reason.Code);
        Assert.True(off.IsEligible);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2023-10-23", true)]   // exactly 2 years before the reference date: long enough ago
    [InlineData("2023-10-22", true)]
    [InlineData("2023-10-24", false)]  // one day short of 2 years
    [InlineData("2025-10-23", false)]
    [InlineData("2025-12-01", false)]  // a training that ends after the reference date
    public void ATrainingMustHaveEndedAtLeastTheFullYearsBeforeTheReferenceDate(string? lastTrained, bool eligible)
    {
        var applicant = Applicant(1) with
        {
            LastTrainedOn = lastTrained is null ? null : DateOnly.Parse(lastTrained, System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = Eligibility.Evaluate(applicant, new EligibilitySettings { ExcludeTrainedWithinYears = 2 }, Reference);

        Assert.Equal(eligible, result.IsEligible);
        if (!eligible)
        {
            var reason = Rule(result, EligibilityRule.RecentTraining).Reason;
            Assert.Equal(SelectionReasonCodes.TrainedRecently, reason.Code);
            Assert.Equal([lastTrained!, "2", "2025-10-23"], reason.Args);
        }
    }

    [Fact]
    public void RecentTrainingCountedBackFromALeapDayEndsOnTheTwentyEighth()
    {
        var settings = new EligibilitySettings { ExcludeTrainedWithinYears = 1 };
        var leapDay = new DateOnly(2024, 2, 29);

        Assert.True(Eligibility.Evaluate(Applicant(1) with { LastTrainedOn = new DateOnly(2023, 2, 28) }, settings, leapDay).IsEligible);
        Assert.False(Eligibility.Evaluate(Applicant(1) with { LastTrainedOn = new DateOnly(2023, 3, 1) }, settings, leapDay).IsEligible);
    }

    [Fact]
    public void AManWhoseFirstTrackIsForWomenStaysEligibleForAnOpenSecondTrack()
    {
        var settings = new EligibilitySettings { WomenOnlyTrackIds = new HashSet<long> { 2 } };

        var result = Eligibility.Evaluate(Applicant(1, track: 2, second: 1), settings, Reference);

        Assert.True(result.IsEligible);
        Assert.False(result.FirstTrackOpen);
        Assert.True(result.SecondTrackOpen);
        Assert.Equal(RuleStatus.Failed, Rule(result, EligibilityRule.FirstTrack).Status);
        Assert.Equal(SelectionReasonCodes.TrackWomenOnly, Rule(result, EligibilityRule.FirstTrack).Reason.Code);
        Assert.Equal(RuleStatus.Passed, Rule(result, EligibilityRule.SecondTrack).Status);
    }

    [Theory]
    [InlineData(2L, null)]
    [InlineData(2L, 2L)]   // the same track twice is one choice
    [InlineData(2L, 3L)]
    public void AManWithOnlyWomenOnlyTracksIsIneligible(long first, long? second)
    {
        var settings = new EligibilitySettings { WomenOnlyTrackIds = new HashSet<long> { 2, 3 } };

        var result = Eligibility.Evaluate(Applicant(1, track: first, second: second), settings, Reference);

        Assert.False(result.IsEligible);
        Assert.Equal(RuleStatus.NotApplied, Rule(result, EligibilityRule.Household).Status);
    }

    [Fact]
    public void AWomanMayTakeAWomenOnlyTrack()
    {
        var settings = new EligibilitySettings { WomenOnlyTrackIds = new HashSet<long> { 2 } };

        var result = Eligibility.Evaluate(Applicant(1, track: 2) with { Sex = Sex.Female }, settings, Reference);

        Assert.True(result.IsEligible);
        Assert.Equal(RuleStatus.Passed, Rule(result, EligibilityRule.FirstTrack).Status);
    }

    [Fact]
    public void EveryFailedRuleIsReportedNotOnlyTheFirst()
    {
        var settings = new EligibilitySettings { MinAge = 18, MaxAge = 29, MaxDesil = 4, DomicileRegencyCode = "35.73", ExcludeTrainedWithinYears = 3 };
        var applicant = Applicant(1, desil: 9) with { LastTrainedOn = new DateOnly(2025, 1, 1) };

        var result = Eligibility.Evaluate(applicant, settings, Reference);

        Assert.False(result.IsEligible);
        Assert.Equal(
            [EligibilityRule.Age, EligibilityRule.Domicile, EligibilityRule.Desil, EligibilityRule.RecentTraining],
            result.Rules.Where(r => r.Status == RuleStatus.Failed).Select(r => r.Rule));
    }

    [Theory]
    [InlineData(30, 18, null, null, null, null)]
    [InlineData(-1, null, null, null, null, null)]
    [InlineData(null, null, 0, null, null, null)]
    [InlineData(null, null, 11, null, null, null)]
    [InlineData(null, null, null, 0, null, null)]
    [InlineData(null, null, null, null, 0, null)]
    [InlineData(null, null, null, null, null, "35.72.")]
    [InlineData(null, null, null, null, null, "")]
    [InlineData(null, null, null, null, null, "35-72")]
    public void SettingsThatMakeNoSenseAreRefused(int? min, int? max, int? desil, int? household, int? years, string? regency)
    {
        var settings = new EligibilitySettings
        {
            MinAge = min,
            MaxAge = max,
            MaxDesil = desil,
            MaxPerHousehold = household,
            ExcludeTrainedWithinYears = years,
            DomicileRegencyCode = regency,
        };

        Assert.Throws<ArgumentException>(() => new Eligibility(settings, Reference));
    }
}
